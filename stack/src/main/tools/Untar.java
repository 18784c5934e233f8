import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.xz.XZCompressorInputStream;

/**
 * Extracts a .tar.xz archive (the PostgreSQL binaries) on machines without the xz tool, with commons-compress:
 * directories, files, symbolic and hard links, and permission bits (PostgreSQL's programs must stay executable).
 * Run by ./zhedel in source-file mode: java -cp 'stack/target/tools/*' Untar.java ARCHIVE DESTINATION.
 */
public class Untar {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Untar ARCHIVE.txz DESTINATION");
            System.exit(2);
        }
        Path destination = Path.of(args[1]).toAbsolutePath().normalize();
        Files.createDirectories(destination);
        Map<Path, Integer> directories = new LinkedHashMap<>(); // modes set last, once their content is written
        try (InputStream file = new BufferedInputStream(Files.newInputStream(Path.of(args[0])), 1 << 16);
                TarArchiveInputStream tar = new TarArchiveInputStream(new XZCompressorInputStream(file))) {
            for (TarArchiveEntry entry; (entry = tar.getNextEntry()) != null;) {
                Path target = inside(destination, entry.getName());
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                    directories.put(target, entry.getMode());
                    continue;
                }
                Files.createDirectories(target.getParent());
                Files.deleteIfExists(target);
                if (entry.isSymbolicLink()) {
                    Files.createSymbolicLink(target, Path.of(entry.getLinkName()));
                } else if (entry.isLink()) {
                    Files.createLink(target, inside(destination, entry.getLinkName()));
                } else {
                    Files.copy(tar, target, StandardCopyOption.REPLACE_EXISTING);
                    Files.setPosixFilePermissions(target, permissions(entry.getMode()));
                }
            }
        }
        for (Map.Entry<Path, Integer> directory : directories.entrySet()) {
            Files.setPosixFilePermissions(directory.getKey(), permissions(directory.getValue() | 0700));
        }
    }

    /** Refuses entries that would land outside the destination ("../", absolute names). */
    private static Path inside(Path destination, String name) throws IOException {
        Path target = destination.resolve(name).normalize();
        if (!target.startsWith(destination)) {
            throw new IOException("archive entry outside the destination: " + name);
        }
        return target;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> set = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                set.add(bits[i]);
            }
        }
        return set;
    }
}

import org.tukaani.xz.XZInputStream;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Extracts a .tar.xz archive (the PostgreSQL binaries) on machines without the xz tool.
 * Run by ./zhedel in source-file mode: java -cp xz.jar Untxz.java ARCHIVE DESTINATION.
 * Handles ustar/GNU/pax names, directories, regular files, symbolic and hard links, and permission bits.
 */
public class Untxz {

    public static void main(String[] args) throws IOException {
        if (args.length != 2) {
            System.err.println("usage: Untxz ARCHIVE.txz DESTINATION");
            System.exit(2);
        }
        Path destination = Paths.get(args[1]).toAbsolutePath().normalize();
        Files.createDirectories(destination);
        Map<Path, Integer> directoryModes = new LinkedHashMap<>();
        try (InputStream in = new BufferedInputStream(
                new XZInputStream(new BufferedInputStream(Files.newInputStream(Paths.get(args[0])), 1 << 16)), 1 << 16)) {
            byte[] header = new byte[512];
            String longName = null;
            String longLink = null;
            while (readBlock(in, header)) {
                if (isZero(header)) {
                    break;
                }
                String name = text(header, 0, 100);
                int mode = (int) octal(header, 100, 8);
                long size = octal(header, 124, 12);
                char type = (char) header[156];
                String link = text(header, 157, 100);
                if (text(header, 257, 6).startsWith("ustar")) {
                    String prefix = text(header, 345, 155);
                    if (!prefix.isEmpty()) {
                        name = prefix + "/" + name;
                    }
                }
                if (type == 'L' || type == 'K' || type == 'x' || type == 'g') {
                    String data = new String(readData(in, size), StandardCharsets.UTF_8);
                    if (type == 'L') {
                        longName = data.replaceAll("\0+$", "");
                    } else if (type == 'K') {
                        longLink = data.replaceAll("\0+$", "");
                    } else if (type == 'x') {
                        Map<String, String> pax = parsePax(data);
                        longName = pax.getOrDefault("path", longName);
                        longLink = pax.getOrDefault("linkpath", longLink);
                    }
                    continue;
                }
                if (longName != null) {
                    name = longName;
                    longName = null;
                }
                if (longLink != null) {
                    link = longLink;
                    longLink = null;
                }
                Path target = destination.resolve(name).normalize();
                if (!target.startsWith(destination)) {
                    throw new IOException("entry outside destination: " + name);
                }
                switch (type) {
                    case '5' -> {
                        Files.createDirectories(target);
                        directoryModes.put(target, mode);
                    }
                    case '2' -> {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createSymbolicLink(target, Paths.get(link));
                    }
                    case '1' -> {
                        Files.createDirectories(target.getParent());
                        Files.deleteIfExists(target);
                        Files.createLink(target, destination.resolve(link).normalize());
                    }
                    case '0', '\0', '7' -> {
                        Files.createDirectories(target.getParent());
                        try (OutputStream out = Files.newOutputStream(target)) {
                            copy(in, out, size);
                        }
                        skipPadding(in, size);
                        Files.setPosixFilePermissions(target, permissions(mode));
                        continue;
                    }
                    default -> { /* devices, fifos: not in the archive */ }
                }
                readData(in, size);
            }
        }
        for (Map.Entry<Path, Integer> directory : directoryModes.entrySet()) {
            Files.setPosixFilePermissions(directory.getKey(), permissions(directory.getValue() | 0700));
        }
    }

    private static boolean readBlock(InputStream in, byte[] block) throws IOException {
        int read = in.readNBytes(block, 0, block.length);
        if (read == 0) {
            return false;
        }
        if (read < block.length) {
            throw new EOFException("truncated tar header");
        }
        return true;
    }

    private static byte[] readData(InputStream in, long size) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        copy(in, out, size);
        skipPadding(in, size);
        return out.toByteArray();
    }

    private static void copy(InputStream in, OutputStream out, long size) throws IOException {
        byte[] buffer = new byte[1 << 16];
        long left = size;
        while (left > 0) {
            int n = in.read(buffer, 0, (int) Math.min(buffer.length, left));
            if (n < 0) {
                throw new EOFException("truncated tar entry");
            }
            out.write(buffer, 0, n);
            left -= n;
        }
    }

    private static void skipPadding(InputStream in, long size) throws IOException {
        long padding = (512 - size % 512) % 512;
        in.skipNBytes(padding);
    }

    private static boolean isZero(byte[] block) {
        for (byte b : block) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private static String text(byte[] block, int offset, int length) {
        int end = offset;
        while (end < offset + length && block[end] != 0) {
            end++;
        }
        return new String(block, offset, end - offset, StandardCharsets.UTF_8);
    }

    private static long octal(byte[] block, int offset, int length) {
        String value = text(block, offset, length).trim();
        return value.isEmpty() ? 0 : Long.parseLong(value, 8);
    }

    private static Map<String, String> parsePax(String data) {
        Map<String, String> values = new LinkedHashMap<>();
        int position = 0;
        while (position < data.length()) {
            int space = data.indexOf(' ', position);
            if (space < 0) {
                break;
            }
            int length = Integer.parseInt(data.substring(position, space));
            String record = data.substring(space + 1, position + length - 1);
            int equals = record.indexOf('=');
            values.put(record.substring(0, equals), record.substring(equals + 1));
            position += length;
        }
        return values;
    }

    private static Set<PosixFilePermission> permissions(int mode) {
        Set<PosixFilePermission> result = EnumSet.noneOf(PosixFilePermission.class);
        PosixFilePermission[] bits = PosixFilePermission.values(); // OWNER_READ .. OTHERS_EXECUTE, high bit first
        for (int i = 0; i < bits.length; i++) {
            if ((mode & (1 << (8 - i))) != 0) {
                result.add(bits[i]);
            }
        }
        return result;
    }
}

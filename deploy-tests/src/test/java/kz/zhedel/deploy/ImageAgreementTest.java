package kz.zhedel.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The images the manifests run are the ones Jib builds (root pom, profile service-image), as the same user. */
class ImageAgreementTest {

    static String rootPom() {
        return Repo.read(Repo.ROOT.resolve("pom.xml"));
    }

    static String element(String xml, String name) {
        Matcher m = Pattern.compile("<" + Pattern.quote(name) + ">([^<]+)</").matcher(xml);
        assertTrue(m.find(), "pom.xml has no <" + name + ">");
        return m.group(1).trim();
    }

    @Test
    void devRunsTheImagesJibBuildsUnderTheirNameAndVersion() {
        String pom = rootPom();
        assertTrue(pom.contains("<image>${zhedel.image.registry}/${project.artifactId}:${project.version}</image>"));
        String registry = element(pom, "zhedel.image.registry");
        String version = element(pom, "version"); // the root pom's own version comes first
        for (String service : Repo.services()) {
            String module = Repo.read(Repo.ROOT.resolve(Repo.app(service)).resolve("pom.xml"));
            assertTrue(module.contains("<artifactId>" + Repo.app(service) + "</artifactId>"), service);
            assertEquals(registry + "/" + Repo.app(service) + ":" + version,
                    Manifests.of("dev").container(service).path("image").asText(), service);
        }
    }

    @Test
    void prodRunsReleasedImagesAsTheImagesUser() {
        String user = element(rootPom(), "user");
        for (String service : Repo.services()) {
            String image = Manifests.of("prod").container(service).path("image").asText();
            assertTrue(image.endsWith("/" + Repo.app(service) + image.substring(image.lastIndexOf(':'))), image);
            assertFalse(image.endsWith("-SNAPSHOT"), "prod runs a release, not " + image);
            String runAs = Manifests.of("prod").get("Deployment", Repo.app(service))
                    .at("/spec/template/spec/securityContext").path("runAsUser").asText();
            assertEquals(user, runAs + ":" + runAs, service + " runs as the image's user");
        }
    }
}

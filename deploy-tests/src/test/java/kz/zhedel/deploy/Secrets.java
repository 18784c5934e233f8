package kz.zhedel.deploy;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Secrets that are not in the manifests: the operators' and, in prod, the ops team's (deploy/README.md). */
final class Secrets {

    /** Strimzi's cluster CA certificate; each KafkaUser's certificate secret is named after the user. */
    static Set<String> madeByOperators(Manifests m) {
        Set<String> names = new TreeSet<>(Set.of("zhedel-cluster-ca-cert"));
        m.all("KafkaUser").forEach(u -> names.add(u.at("/metadata/name").asText()));
        return names;
    }

    /** The secrets deploy/README.md tells the ops team to create (`kubectl create secret ... NAME`). */
    static Set<String> madeByOps() {
        Set<String> names = new TreeSet<>();
        Matcher m = Pattern.compile("kubectl -n \\S+ create secret \\S+ (\\S+)")
                .matcher(Repo.read(Repo.DEPLOY.resolve("README.md")));
        while (m.find()) {
            names.add(m.group(1));
        }
        return names;
    }

    static Set<String> madeOutsideManifests(Manifests m) {
        Set<String> names = madeByOperators(m);
        if (m.overlay().equals("prod")) {
            names.addAll(madeByOps());
        }
        return names;
    }

    private Secrets() {
    }
}

package kz.zhedel.deploy;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The CloudNativePG (postgresql.cnpg.io/v1) and KEDA (keda.sh/v1alpha1) kinds deploy/ uses, with the fields of their
 * documented APIs that deploy/ sets: no Maven artifact carries their models, so a field outside these records (a
 * typo, a field of another version) fails the strict parse. Required fields and enumerations as documented.
 */
final class CustomResources {

    record Metadata(String name, String namespace, Map<String, String> labels, Map<String, String> annotations) {
        Metadata {
            Objects.requireNonNull(name, "metadata.name");
        }
    }

    record LocalRef(String name) {
        LocalRef {
            Objects.requireNonNull(name, "name");
        }
    }

    record SecretKey(String name, String key) {
        SecretKey {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
        }
    }

    // --- CloudNativePG -----------------------------------------------------------------------------------------

    record Cluster(String apiVersion, String kind, Metadata metadata, ClusterSpec spec) {
    }

    record ClusterSpec(Integer instances, String imageName, String primaryUpdateStrategy, Integer minSyncReplicas,
            Integer maxSyncReplicas, Storage storage, Postgresql postgresql, Monitoring monitoring, Managed managed,
            Backup backup) {
        ClusterSpec {
            Objects.requireNonNull(instances, "instances");
            Objects.requireNonNull(storage, "storage");
            oneOf("primaryUpdateStrategy", primaryUpdateStrategy, Set.of("unsupervised", "supervised"));
        }
    }

    record Storage(String size, String storageClass) {
    }

    record Postgresql(Map<String, String> parameters) {
    }

    record Monitoring(List<SecretKey> customQueriesConfigMap, Boolean disableDefaultQueries) {
    }

    record Managed(List<Role> roles) {
    }

    record Role(String name, String ensure, Boolean login, Boolean superuser, LocalRef passwordSecret) {
        Role {
            Objects.requireNonNull(name, "roles[].name");
            oneOf("ensure", ensure, Set.of("present", "absent"));
        }
    }

    record Backup(String retentionPolicy, BarmanObjectStore barmanObjectStore) {
    }

    record BarmanObjectStore(String destinationPath, String endpointURL, S3Credentials s3Credentials,
            Compression wal, Compression data) {
        BarmanObjectStore {
            Objects.requireNonNull(destinationPath, "destinationPath");
        }
    }

    record S3Credentials(SecretKey accessKeyId, SecretKey secretAccessKey) {
    }

    record Compression(String compression, String encryption) {
        Compression {
            oneOf("compression", compression, Set.of("bzip2", "gzip", "lz4", "snappy", "xz", "zstd"));
            oneOf("encryption", encryption, Set.of("AES256", "aws:kms"));
        }
    }

    record Database(String apiVersion, String kind, Metadata metadata, DatabaseSpec spec) {
    }

    record DatabaseSpec(LocalRef cluster, String name, String owner, String ensure, String databaseReclaimPolicy) {
        DatabaseSpec {
            Objects.requireNonNull(cluster, "cluster");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(owner, "owner");
            oneOf("ensure", ensure, Set.of("present", "absent"));
            oneOf("databaseReclaimPolicy", databaseReclaimPolicy, Set.of("delete", "retain"));
        }
    }

    record ScheduledBackup(String apiVersion, String kind, Metadata metadata, ScheduledBackupSpec spec) {
    }

    record ScheduledBackupSpec(String schedule, LocalRef cluster, String backupOwnerReference, String method,
            Boolean immediate) {
        ScheduledBackupSpec {
            Objects.requireNonNull(schedule, "schedule");
            Objects.requireNonNull(cluster, "cluster");
            oneOf("backupOwnerReference", backupOwnerReference, Set.of("none", "self", "cluster"));
            oneOf("method", method, Set.of("barmanObjectStore", "volumeSnapshot", "plugin"));
        }
    }

    // --- KEDA --------------------------------------------------------------------------------------------------

    record ScaledObject(String apiVersion, String kind, Metadata metadata, ScaledObjectSpec spec) {
    }

    record ScaledObjectSpec(ScaleTarget scaleTargetRef, Integer minReplicaCount, Integer maxReplicaCount,
            Integer pollingInterval, Integer cooldownPeriod, List<Trigger> triggers) {
        ScaledObjectSpec {
            Objects.requireNonNull(scaleTargetRef, "scaleTargetRef");
            Objects.requireNonNull(triggers, "triggers");
        }
    }

    record ScaleTarget(String name, String kind, String apiVersion) {
        ScaleTarget {
            Objects.requireNonNull(name, "scaleTargetRef.name");
        }
    }

    /** The kafka scaler's documented metadata (keda.sh/docs/scalers/apache-kafka). */
    static final Set<String> KAFKA_SCALER_METADATA = Set.of("bootstrapServers", "consumerGroup", "topic",
            "lagThreshold", "activationLagThreshold", "offsetResetPolicy", "allowIdleConsumers",
            "excludePersistentLag", "scaleToZeroOnInvalidOffset", "limitToPartitionsWithLag", "version",
            "partitionLimitation", "sasl", "tls", "unsafeSsl");

    record Trigger(String type, String name, LocalRef authenticationRef, Map<String, String> metadata) {
        Trigger {
            Objects.requireNonNull(type, "triggers[].type");
            Objects.requireNonNull(metadata, "triggers[].metadata");
            if ("kafka".equals(type)) {
                for (String key : metadata.keySet()) {
                    if (!KAFKA_SCALER_METADATA.contains(key)) {
                        throw new IllegalArgumentException("unknown kafka scaler metadata " + key);
                    }
                }
            }
        }
    }

    record TriggerAuthentication(String apiVersion, String kind, Metadata metadata, TriggerAuthSpec spec) {
    }

    record TriggerAuthSpec(List<SecretTarget> secretTargetRef) {
    }

    record SecretTarget(String parameter, String name, String key) {
        SecretTarget {
            Objects.requireNonNull(parameter, "parameter");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(key, "key");
        }
    }

    private static void oneOf(String field, String value, Set<String> allowed) {
        if (value != null && !allowed.contains(value)) {
            throw new IllegalArgumentException(field + " must be one of " + allowed + ", not " + value);
        }
    }

    private CustomResources() {
    }
}

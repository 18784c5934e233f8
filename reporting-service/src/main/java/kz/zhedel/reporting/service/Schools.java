package kz.zhedel.reporting.service;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.hibernate.Session;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.Tuple;
import jakarta.transaction.Transactional;

/** The school registry: which schools the centre covers, and their type. */
@ApplicationScoped
public class Schools {

    public record School(String id, String name, String type, String district, boolean sample) {
    }

    /** The registry as a lookup of school type by id. */
    public record Registry(Map<String, String> types) {
        public String typeOf(String schoolId) {
            return types.get(schoolId);
        }

        /** The type a filter sees: the registry's, {@code UNKNOWN} outside it, {@code NONE} without a school. */
        public String filterType(String schoolId) {
            if (schoolId == null || schoolId.isEmpty()) {
                return "NONE";
            }
            return types.getOrDefault(schoolId, "UNKNOWN");
        }

        public int size() {
            return types.size();
        }
    }

    @Inject
    Session session;

    @Inject
    StatsRollup rollup;

    @Transactional(Transactional.TxType.MANDATORY)
    public Registry registry() {
        Map<String, String> types = new HashMap<>();
        for (Tuple row : session.createNativeQuery("select school_id, type from school", Tuple.class).getResultList()) {
            types.put(row.get(0, String.class), row.get(1, String.class));
        }
        return new Registry(types);
    }

    @Transactional
    public List<School> all() {
        return session.createNativeQuery("select school_id, name, type, district, sample from school order by school_id",
                Tuple.class).getResultList().stream().map(r -> new School(r.get(0, String.class),
                        r.get(1, String.class), r.get(2, String.class), r.get(3, String.class),
                        r.get(4, Boolean.class))).toList();
    }

    /** Loads the schools only into an empty registry (two instances starting at once load it once). */
    @Transactional
    public boolean loadIfEmpty(List<School> sample) {
        session.createNativeMutationQuery("lock table school in exclusive mode").executeUpdate();
        Number n = (Number) session.createNativeQuery("select count(*) from school", Long.class).getSingleResult();
        if (n.longValue() > 0) {
            return false;
        }
        insert(sample);
        rollup.schoolsChanged();
        return true;
    }

    /**
     * Replaces the whole registry in one transaction (readers see the old one or the new one). The figures of a
     * period merged from tallies follow at once (they keep incidents per school id); the slices by school type are
     * rolled up again, every day with a report from a school.
     */
    @Transactional
    public void replace(List<School> schools) {
        session.createNativeMutationQuery("delete from school").executeUpdate();
        insert(schools);
        rollup.schoolsChanged();
    }

    private void insert(List<School> schools) {
        for (School s : schools) {
            session.createNativeMutationQuery("insert into school (school_id, name, type, district, sample) "
                    + "values (:id, :name, :type, :district, :sample)")
                    .setParameter("id", s.id()).setParameter("name", s.name()).setParameter("type", s.type())
                    .setParameter("district", s.district()).setParameter("sample", s.sample())
                    .executeUpdate();
        }
    }
}

package cirrus.local.batch;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Job definition revisions, kept in the {@link JobStore}. Registering a spec that differs from the
 * latest active revision creates the next revision and deregisters the older ones, as a
 * CloudFormation update does; registering an unchanged spec returns the existing revision. Resolves
 * the {@code jobDefinition} of SubmitJob: {@code name}, {@code name:revision} or an ARN. Not
 * thread-safe: the emulator calls it from its scheduling thread.
 */
final class JobDefinitionRegistry {
    private final JobStore store;
    private final BatchArns arns;
    private final Map<String, List<JobDefinition>> cache = new HashMap<>();

    JobDefinitionRegistry(JobStore store, BatchArns arns) {
        this.store = store;
        this.arns = arns;
    }

    JobDefinition register(JobDefinitionSpec spec) {
        List<JobDefinition> revisions = revisions(spec.name());
        JobDefinition latest = revisions.isEmpty() ? null : revisions.get(revisions.size() - 1);
        if (latest != null
                && latest.status() == JobDefinition.Status.ACTIVE
                && latest.spec().equals(spec)) {
            return latest;
        }
        for (int i = 0; i < revisions.size(); i++) {
            JobDefinition old = revisions.get(i);
            if (old.status() == JobDefinition.Status.ACTIVE) {
                JobDefinition inactive = old.deactivated();
                store.putJobDefinition(inactive);
                revisions.set(i, inactive);
            }
        }
        int revision = latest == null ? 1 : latest.revision() + 1;
        JobDefinition created =
                new JobDefinition(
                        revision,
                        arns.jobDefinition(spec.name(), revision),
                        JobDefinition.Status.ACTIVE,
                        spec);
        store.putJobDefinition(created);
        revisions.add(created);
        return created;
    }

    List<JobDefinition> revisions(String name) {
        return cache.computeIfAbsent(name, n -> new ArrayList<>(store.jobDefinitions(n)));
    }

    /**
     * The revision a SubmitJob {@code jobDefinition} designates.
     *
     * @throws BatchClientException when it does not exist or is not ACTIVE
     */
    JobDefinition resolve(String reference) {
        if (reference == null || reference.isBlank()) {
            throw new BatchClientException("jobDefinition is required");
        }
        String nameAndRevision = BatchArns.resource(reference, "job-definition").orElse(reference);
        int colon = nameAndRevision.lastIndexOf(':');
        String name = colon < 0 ? nameAndRevision : nameAndRevision.substring(0, colon);
        List<JobDefinition> revisions = revisions(name);
        if (colon < 0) {
            for (int i = revisions.size() - 1; i >= 0; i--) {
                if (revisions.get(i).status() == JobDefinition.Status.ACTIVE) {
                    return revisions.get(i);
                }
            }
            throw new BatchClientException("JobDefinition " + reference + " not found.");
        }
        String revision = nameAndRevision.substring(colon + 1);
        for (JobDefinition candidate : revisions) {
            if (Integer.toString(candidate.revision()).equals(revision)) {
                if (candidate.status() != JobDefinition.Status.ACTIVE) {
                    throw new BatchClientException(
                            "JobDefinition " + candidate.arn() + " is not in ACTIVE status");
                }
                return candidate;
            }
        }
        throw new BatchClientException("JobDefinition " + reference + " not found.");
    }
}

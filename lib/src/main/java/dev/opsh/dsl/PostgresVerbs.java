package dev.opsh.dsl;

import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import dev.opsh.adapters.ServiceSelector;
import dev.opsh.adapters.postgres.PostgresClient;
import dev.opsh.adapters.postgres.SqlRows;
import dev.opsh.adapters.postgres.StuckUpload;
import dev.opsh.inventory.Service;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Read-only verbs on the inventory's PostgreSQL service: ad-hoc SQL and the upload-stuck runbook's query. */
public interface PostgresVerbs extends Verbs {
    /** The threshold of the upload-stuck runbook. */
    Duration STUCK_UPLOAD_THRESHOLD = Duration.ofMinutes(10);

    @Verb(effect = Effect.READ,
            summary = "rows of one SQL statement, run read-only on the first postgres service (? placeholders take params)",
            example = "sql('select status, count(*) from uploads group by status').rows.findAll { it.count > 10 }")
    default SqlRows sql(String query, Object... params) {
        Service service = ServiceSelector.first(context().inventory(), "postgres");
        return PostgresClient.of(context(), service).sql(query, Arrays.asList(params));
    }

    @Verb(effect = Effect.READ,
            summary = "sql() on the postgres service named by 'service:'",
            example = "sql(service: 'postgres', 'select id, status from uploads where user_id = ?', 42)")
    default SqlRows sql(Map<String, ?> options, String query, Object... params) {
        if (!options.keySet().equals(Set.of("service"))) {
            throw new OpshException(ExitCode.FAILURE, "sql() takes one named option, service: 'NAME'; found "
                    + options.keySet());
        }
        Service service = ServiceSelector.named(context().inventory(), String.valueOf(options.get("service")), "postgres");
        return PostgresClient.of(context(), service).sql(query, Arrays.asList(params));
    }

    @Verb(effect = Effect.READ,
            summary = "uploads stuck in uploading/processing for over 10 minutes, with age and pending process_upload job",
            example = "stuckUploads().findAll { it.pendingJobId == null }")
    default List<StuckUpload> stuckUploads() {
        return stuckUploads(STUCK_UPLOAD_THRESHOLD);
    }

    @Verb(effect = Effect.READ,
            summary = "uploads stuck in uploading/processing for longer than the threshold",
            example = "stuckUploads(30.minutes)")
    default List<StuckUpload> stuckUploads(Duration threshold) {
        Service service = ServiceSelector.first(context().inventory(), "postgres");
        return PostgresClient.of(context(), service).stuckUploads(threshold);
    }
}

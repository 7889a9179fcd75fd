package dev.opsh.adapters.rabbitmq;

import com.fasterxml.jackson.databind.JsonNode;
import dev.opsh.ExitCode;
import dev.opsh.OpshException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Lists a service's queues through the management API: only the columns {@link QueueInfo} needs,
 * {@value #PAGE_SIZE} per page (the API's maximum), filtered by a name pattern, deepest first.
 */
public final class QueueListing {
    static final int PAGE_SIZE = 500;

    private final ManagementApi api;
    private final String vhost;
    private final Map<String, Long> thresholds;

    /**
     * @param vhost the vhost to list, or null for all of them
     * @param thresholds queue name to the most ready messages it should hold
     */
    public QueueListing(ManagementApi api, String vhost, Map<String, Long> thresholds) {
        this.api = api;
        this.vhost = vhost;
        this.thresholds = thresholds;
    }

    /**
     * The queues whose whole name matches {@code pattern} (a Java regex; null for all), sorted by
     * depth, deepest first, then by vhost and name.
     */
    public List<QueueInfo> list(String pattern) {
        Pattern filter = compile(pattern);
        String path = vhost == null ? "queues" : "queues/" + ManagementApi.segment(vhost);
        List<QueueInfo> queues = new ArrayList<>();
        int pageCount = 1;
        for (int page = 1; page <= pageCount; page++) {
            JsonNode json = api.get(path, "page=" + page + "&page_size=" + PAGE_SIZE + "&columns=" + QueuePage.COLUMNS);
            if (json == null) {
                throw api.failure(vhost == null ? "GET /api/" + path + " answered 404: is this port the management API?"
                        : "vhost '" + vhost + "' does not exist (GET /api/" + path + " answered 404)", null);
            }
            QueuePage parsed;
            try {
                parsed = QueuePage.parse(json, thresholds);
            } catch (IOException e) {
                throw api.failure("GET /api/" + path + ": " + e.getMessage(), e);
            }
            for (QueueInfo q : parsed.queues()) {
                if (filter == null || filter.matcher(q.name()).matches()) {
                    queues.add(q);
                }
            }
            pageCount = parsed.pageCount();
        }
        queues.sort(Comparator.comparingLong(QueueInfo::depth).reversed()
                .thenComparing(QueueInfo::vhost).thenComparing(QueueInfo::name));
        return queues;
    }

    private static Pattern compile(String pattern) {
        if (pattern == null) {
            return null;
        }
        try {
            return Pattern.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw new OpshException(ExitCode.FAILURE, "queues('" + pattern + "'): not a valid regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }
}

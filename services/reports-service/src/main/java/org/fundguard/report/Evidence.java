package org.fundguard.report;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import org.fundguard.kit.problem.DomainException;
import org.fundguard.report.evidence.FileTypes;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

/** Evidence files: checked by content and size before anything is stored, then stored with the report. */
@ApplicationScoped
public class Evidence {

    /** A file as received: the name and type the sender declared, and the bytes. */
    public record File(String name, String declaredType, byte[] content) {
    }

    private final ReportsConfig.Evidence limits;

    public Evidence(ReportsConfig config) {
        this.limits = config.evidence();
    }

    /**
     * Refuses the whole request (nothing stored) when a file is empty, too large, or not an allowed type by its
     * content, or when the report would exceed its file count or total size.
     */
    public List<String> checkAll(List<File> files, long existingCount, long existingBytes) {
        if (existingCount + files.size() > limits.maxFiles()) {
            throw new DomainException.RuleViolation("A report holds at most " + limits.maxFiles() + " evidence files (evidence).");
        }
        long total = existingBytes;
        List<String> mediaTypes = new java.util.ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            File f = files.get(i);
            var result = FileTypes.check(f.name(), f.declaredType(), f.content(), limits.maxFileBytes());
            if (!result.ok()) {
                throw new DomainException.InvalidField("evidence[" + i + "]", result.problem());
            }
            mediaTypes.add(result.mediaType());
            total += f.content().length;
        }
        if (total > limits.maxReportBytes()) {
            throw new DomainException.InvalidField("evidence", "the evidence of one report may total at most " + limits.maxReportBytes() + " bytes");
        }
        return mediaTypes;
    }

    /** Stores files that passed {@link #checkAll}, with the media types it found in their content. */
    Uni<Void> attach(UUID reportId, List<File> files, List<String> mediaTypes, String by) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (int i = 0; i < files.size(); i++) {
            File f = files.get(i);
            String mediaType = mediaTypes.get(i);
            chain = chain.chain(() -> {
                Attachment a = new Attachment();
                a.id = UUID.randomUUID();
                a.reportId = reportId;
                a.fileName = safeName(f.name());
                a.mediaType = mediaType;
                a.sizeBytes = f.content().length;
                a.sha256 = sha256(f.content());
                a.content = f.content();
                a.addedAt = OffsetDateTime.now(ZoneOffset.UTC);
                a.addedBy = by;
                return a.persist().replaceWithVoid();
            });
        }
        return chain;
    }

    /** How many files and bytes a report already holds. */
    Uni<long[]> totals(UUID reportId) {
        return Attachment.<Attachment>find("reportId", reportId).list()
                .map(list -> new long[]{list.size(), list.stream().mapToLong(a -> a.sizeBytes).sum()});
    }

    Uni<List<Attachment>> list(UUID reportId) {
        return Attachment.<Attachment>find("reportId = ?1 order by addedAt, id", reportId).list();
    }

    /** The name as inert text: path parts and control characters dropped, at most 200 characters. */
    static String safeName(String name) {
        String n = name == null ? "" : name.replace('\\', '/');
        n = n.substring(n.lastIndexOf('/') + 1).replaceAll("\\p{Cntrl}", "").strip();
        if (n.isEmpty()) {
            n = "evidence";
        }
        return n.length() > 200 ? n.substring(0, 200) : n;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

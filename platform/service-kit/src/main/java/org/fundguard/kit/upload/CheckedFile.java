package org.fundguard.kit.upload;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * A file that passed {@link UploadChecker}: its type from its content, the name the uploader gave (kept as is, for the
 * record) and the same name made safe to show ({@link #displayName()}: no path, no control or bidirectional-override
 * characters, at most {@link UploadChecker#MAX_NAME_LENGTH} characters).
 *
 * @param field        the request field it came in, e.g. {@code evidence[0]}
 * @param originalName the name as uploaded (may be null; never show it raw)
 * @param displayName  the safe name, for lists, views and {@code Content-Disposition}
 * @param type         the type its content shows
 * @param content      the bytes
 */
public record CheckedFile(String field, String originalName, String displayName, FileType type, byte[] content) {

    /** The canonical media type to store and serve it with, whatever the uploader declared. */
    public String mediaType() {
        return type.mediaType();
    }

    public long size() {
        return content.length;
    }

    /** Hex SHA-256 of the content. */
    public String sha256() {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code attachment; filename="…"; filename*=UTF-8''…} of the display name. */
    public String contentDisposition() {
        return UploadChecker.contentDisposition(displayName);
    }

    static String percentEncode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }
}

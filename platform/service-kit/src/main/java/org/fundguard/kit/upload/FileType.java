package org.fundguard.kit.upload;

import java.util.List;
import java.util.Set;

/** A file type uploads may have, decided by content, with its canonical media type and file extension. */
public enum FileType {
    PDF("application/pdf", "pdf", Set.of(), List.of()),
    JPEG("image/jpeg", "jpg", Set.of("image/jpg", "image/pjpeg"), List.of("jpeg")),
    PNG("image/png", "png", Set.of(), List.of()),
    MP4("video/mp4", "mp4", Set.of(), List.of("m4v")),
    MOV("video/quicktime", "mov", Set.of(), List.of()),
    MP3("audio/mpeg", "mp3", Set.of("audio/mp3", "audio/mpeg3", "audio/x-mpeg-3"), List.of()),
    WAV("audio/wav", "wav", Set.of("audio/x-wav", "audio/wave", "audio/vnd.wave"), List.of()),
    DOCX("application/vnd.openxmlformats-officedocument.wordprocessingml.document", "docx", Set.of(), List.of()),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "xlsx", Set.of(), List.of());

    private final String mediaType;
    private final String extension;
    private final Set<String> mediaTypeAliases;
    private final List<String> extensionAliases;

    FileType(String mediaType, String extension, Set<String> mediaTypeAliases, List<String> extensionAliases) {
        this.mediaType = mediaType;
        this.extension = extension;
        this.mediaTypeAliases = mediaTypeAliases;
        this.extensionAliases = extensionAliases;
    }

    /** The media type to store and serve the attachment with, whatever the uploader declared. */
    public String mediaType() {
        return mediaType;
    }

    /** The extension to store the attachment under, without the dot. */
    public String extension() {
        return extension;
    }

    /** True if a declared (lowercase, parameter-free) media type names this type. */
    boolean hasMediaType(String declared) {
        return mediaType.equals(declared) || mediaTypeAliases.contains(declared);
    }

    /** True if a declared (lowercase) extension names this type. */
    boolean hasExtension(String declared) {
        return extension.equals(declared) || extensionAliases.contains(declared);
    }

    /** MP4 and QuickTime share one container format and recorders label them loosely, so either name fits both. */
    boolean sameFamily(FileType other) {
        return this == other || (isVideo() && other.isVideo());
    }

    private boolean isVideo() {
        return this == MP4 || this == MOV;
    }
}

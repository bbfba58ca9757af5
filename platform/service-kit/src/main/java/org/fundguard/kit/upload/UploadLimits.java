package org.fundguard.kit.upload;

/**
 * Bounds on an upload: bytes per file, files per owner (a report's evidence) and bytes in all. The defaults come from
 * {@code fundguard.upload.*}; a use with other needs derives its own with the {@code with…} methods.
 */
public record UploadLimits(long maxFileBytes, int maxFiles, long maxTotalBytes) {

    public UploadLimits {
        if (maxFileBytes <= 0 || maxFiles <= 0 || maxTotalBytes <= 0) {
            throw new IllegalArgumentException("upload limits must be positive");
        }
    }

    public UploadLimits withMaxFileBytes(long bytes) {
        return new UploadLimits(bytes, maxFiles, maxTotalBytes);
    }

    public UploadLimits withMaxFiles(int files) {
        return new UploadLimits(maxFileBytes, files, maxTotalBytes);
    }

    public UploadLimits withMaxTotalBytes(long bytes) {
        return new UploadLimits(maxFileBytes, maxFiles, bytes);
    }
}

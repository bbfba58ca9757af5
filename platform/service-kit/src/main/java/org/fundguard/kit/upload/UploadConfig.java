package org.fundguard.kit.upload;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Default upload limits, under {@code fundguard.upload}. */
@ConfigMapping(prefix = "fundguard.upload")
public interface UploadConfig {

    /** Largest single file (default 10 MiB). */
    @WithDefault("10485760")
    long maxFileBytes();

    /** Most files one owner (e.g. a report) holds (default 10). */
    @WithDefault("10")
    int maxFiles();

    /** Most bytes one owner holds in all (default 30 MiB). */
    @WithDefault("31457280")
    long maxTotalBytes();

    default UploadLimits limits() {
        return new UploadLimits(maxFileBytes(), maxFiles(), maxTotalBytes());
    }
}

package io.springcharm.framework.tool;

/**
 * Which revision {@code secret-get} returns to a consumer.
 */
public enum SecretRevision {
	/** The revision this unit tracks: the latest when first read, then pinned. */
	TRACKED,
	/** {@code --peek}: the latest revision, this time only. */
	PEEK,
	/** {@code --refresh}: the latest revision, tracked from now on. */
	REFRESH
}

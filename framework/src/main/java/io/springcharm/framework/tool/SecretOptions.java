package io.springcharm.framework.tool;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

/**
 * The metadata {@code secret-add} and {@code secret-set} take besides the content. Every
 * field left {@code null} is not passed, so {@code secret-set} keeps its current value.
 *
 * @param label a name this unit or application can use instead of the URI
 * @param description what the secret is for
 * @param expire when the secret expires: an RFC 3339 time or a Go duration such as {@code 24h}
 * @param rotate the rotation policy: {@code never}, {@code hourly}, {@code daily},
 * {@code weekly}, {@code monthly}, {@code quarterly} or {@code yearly}
 * @param owner {@code application} (the default; needs leadership) or {@code unit}; only
 * {@code secret-add} takes it, as Juju keeps a secret's owner for good
 */
public record SecretOptions(@Nullable String label, @Nullable String description, @Nullable String expire,
		@Nullable String rotate, @Nullable String owner) {

	private static final List<String> ROTATE = List.of("never", "hourly", "daily", "weekly", "monthly", "quarterly",
			"yearly");

	/** Checks the values Juju would refuse, so a bad option fails before any tool runs. */
	public SecretOptions {
		if (rotate != null && !ROTATE.contains(rotate)) {
			throw new IllegalArgumentException("'rotate' must be one of " + String.join(", ", ROTATE) + ", not '"
					+ rotate + "'");
		}
		if (owner != null && !owner.equals("application") && !owner.equals("unit")) {
			throw new IllegalArgumentException("'owner' must be 'application' or 'unit', not '" + owner + "'");
		}
	}

	/** No options: an application-owned secret without label, description, expiry or rotation. */
	public static SecretOptions none() {
		return new SecretOptions(null, null, null, null, null);
	}

	/**
	 * @param label the label
	 * @return a copy with this label
	 */
	public SecretOptions withLabel(String label) {
		return new SecretOptions(label, this.description, this.expire, this.rotate, this.owner);
	}

	/**
	 * @param description the description
	 * @return a copy with this description
	 */
	public SecretOptions withDescription(String description) {
		return new SecretOptions(this.label, description, this.expire, this.rotate, this.owner);
	}

	/**
	 * @param expire an RFC 3339 time or a duration such as {@code 24h}
	 * @return a copy with this expiry
	 */
	public SecretOptions withExpire(String expire) {
		return new SecretOptions(this.label, this.description, expire, this.rotate, this.owner);
	}

	/**
	 * @param expire the time the secret expires
	 * @return a copy expiring then, written as RFC 3339 in UTC
	 */
	public SecretOptions withExpire(Instant expire) {
		return withExpire(expire.toString());
	}

	/**
	 * @param rotate the rotation policy, for example {@code monthly}
	 * @return a copy with this policy
	 */
	public SecretOptions withRotate(String rotate) {
		return new SecretOptions(this.label, this.description, this.expire, rotate.toLowerCase(Locale.ROOT), this.owner);
	}

	/**
	 * @param owner {@code application} or {@code unit}
	 * @return a copy with this owner
	 */
	public SecretOptions withOwner(String owner) {
		return new SecretOptions(this.label, this.description, this.expire, this.rotate, owner);
	}

	/** The option arguments in the order ops passes them, without {@code --owner}. */
	List<String> arguments() {
		List<String> args = new ArrayList<>();
		ToolArguments.addOption(args, "--label", this.label);
		ToolArguments.addOption(args, "--description", this.description);
		ToolArguments.addOption(args, "--expire", this.expire);
		ToolArguments.addOption(args, "--rotate", this.rotate);
		return args;
	}
}

package io.springcharm.test.juju;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

import io.springcharm.framework.env.HookEnvironment;
import io.springcharm.framework.hook.Hook;
import org.jspecify.annotations.Nullable;

/**
 * Builds the environment Juju gives a hook or action (juju-reference §1.4), from scratch:
 * nothing of this JVM's environment is inherited. The tool socket and {@code PATH} are not
 * set here; a process executor adds its own.
 */
public final class HookEnvironmentBuilder {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JujuModel model;

	private final String unit;

	private final String hookName;

	private final @Nullable String actionName;

	private @Nullable String actionId;

	private Path charmDir = Path.of(".");

	private @Nullable Path machineRoot;

	private String jujuVersion = "3.6.0";

	private @Nullable Integer relationId;

	private @Nullable String remoteUnit;

	private @Nullable String departingUnit;

	private final Map<String, String> extra = new TreeMap<>();

	private HookEnvironmentBuilder(JujuModel model, String unit, String hookName, @Nullable String actionName) {
		this.model = model;
		this.unit = unit;
		this.hookName = hookName;
		this.actionName = actionName;
	}

	/**
	 * Starts the environment of a hook.
	 * @param model the model
	 * @param unit the unit running it
	 * @param hookName for example {@code cluster-relation-joined}
	 * @return the builder
	 */
	public static HookEnvironmentBuilder hook(JujuModel model, String unit, String hookName) {
		return new HookEnvironmentBuilder(model, unit, hookName, null);
	}

	/**
	 * Starts the environment of an action ({@code JUJU_HOOK_NAME} is empty for actions).
	 * @param model the model
	 * @param unit the unit running it
	 * @param actionName the action
	 * @param actionId its id, for example {@code 7}
	 * @return the builder
	 */
	public static HookEnvironmentBuilder action(JujuModel model, String unit, String actionName, String actionId) {
		HookEnvironmentBuilder builder = new HookEnvironmentBuilder(model, unit, "", actionName);
		builder.actionId = actionId;
		return builder;
	}

	/**
	 * @param charmDir the unit's charm directory ({@code JUJU_CHARM_DIR}, {@code CHARM_DIR})
	 * @return this
	 */
	public HookEnvironmentBuilder charmDir(Path charmDir) {
		this.charmDir = charmDir;
		return this;
	}

	/**
	 * @param machineRoot the stand-in for {@code /} ({@code SPRING_CHARM_MACHINE_ROOT})
	 * @return this
	 */
	public HookEnvironmentBuilder machineRoot(@Nullable Path machineRoot) {
		this.machineRoot = machineRoot;
		return this;
	}

	/**
	 * @param jujuVersion for example {@code 3.6.0}
	 * @return this
	 */
	public HookEnvironmentBuilder jujuVersion(String jujuVersion) {
		this.jujuVersion = jujuVersion;
		return this;
	}

	/**
	 * Makes it a relation hook.
	 * @param relationId the relation
	 * @param remoteUnit the remote unit, or {@code null} where Juju leaves it empty
	 * (created, broken, application-data changed)
	 * @return this
	 */
	public HookEnvironmentBuilder relation(int relationId, @Nullable String remoteUnit) {
		this.relationId = relationId;
		this.remoteUnit = remoteUnit;
		return this;
	}

	/**
	 * @param departingUnit {@code JUJU_DEPARTING_UNIT} for relation-departed
	 * @return this
	 */
	public HookEnvironmentBuilder departingUnit(@Nullable String departingUnit) {
		this.departingUnit = departingUnit;
		return this;
	}

	/**
	 * Makes it a secret hook: {@code JUJU_SECRET_ID}, {@code JUJU_SECRET_LABEL}, and
	 * {@code JUJU_SECRET_REVISION} when the secret names a revision.
	 * @param secret the hook's secret, or {@code null} for none
	 * @return this
	 */
	public HookEnvironmentBuilder secret(Hook.@Nullable Secret secret) {
		if (secret != null) {
			put("JUJU_SECRET_ID", secret.id());
			put("JUJU_SECRET_LABEL", secret.label());
			if (secret.revision() != null) {
				put("JUJU_SECRET_REVISION", secret.revision().toString());
			}
		}
		return this;
	}

	/**
	 * Adds a variable (storage hooks, for example {@code JUJU_STORAGE_ID}).
	 * @param name the variable
	 * @param value its value
	 * @return this
	 */
	public HookEnvironmentBuilder put(String name, String value) {
		this.extra.put(name, value);
		return this;
	}

	/** The environment. */
	public Map<String, String> build() {
		Map<String, String> env = new TreeMap<>();
		String dir = this.charmDir.toAbsolutePath().toString();
		String event = (this.actionName != null) ? this.actionName : this.hookName;
		env.put("JUJU_CHARM_DIR", dir);
		env.put("CHARM_DIR", dir);
		env.put("JUJU_CONTEXT_ID", this.unit + "-" + event + "-" + HexFormat.of().toHexDigits(RANDOM.nextLong()));
		env.put("JUJU_HOOK_NAME", this.hookName);
		env.put("JUJU_DISPATCH_PATH", ((this.actionName != null) ? "actions/" : "hooks/") + event);
		env.put("JUJU_UNIT_NAME", this.unit);
		env.put("JUJU_MODEL_NAME", this.model.modelName());
		env.put("JUJU_MODEL_UUID", this.model.modelUuid());
		env.put("JUJU_VERSION", this.jujuVersion);
		env.put("JUJU_API_ADDRESSES", "");
		env.put("JUJU_SLA", "");
		env.put("JUJU_MACHINE_ID", String.valueOf(JujuModel.unitNumber(this.unit)));
		env.put("JUJU_PRINCIPAL_UNIT", "");
		env.put("JUJU_AVAILABILITY_ZONE", "");
		env.put("CLOUD_API_VERSION", "");
		for (String proxy : new String[] { "HTTP", "HTTPS", "FTP", "NO" }) {
			env.put("JUJU_CHARM_" + proxy + "_PROXY", "");
		}
		env.put("LANG", "C.UTF-8");
		env.put("APT_LISTCHANGES_FRONTEND", "none");
		env.put("DEBIAN_FRONTEND", "noninteractive");
		env.put("TERM", "tmux-256color");
		if (this.relationId != null) {
			RelationInfo relation = this.model.relation(this.relationId);
			env.put("JUJU_RELATION", relation.endpoint());
			env.put("JUJU_RELATION_ID", relation.relationId());
			env.put("JUJU_REMOTE_UNIT", (this.remoteUnit != null) ? this.remoteUnit : "");
			env.put("JUJU_REMOTE_APP", relation.remoteApp());
			if (this.hookName.endsWith("-relation-departed")) {
				env.put("JUJU_DEPARTING_UNIT", (this.departingUnit != null) ? this.departingUnit : "");
			}
		}
		if (this.actionName != null) {
			String id = (this.actionId != null) ? this.actionId : "1";
			env.put("JUJU_ACTION_NAME", this.actionName);
			env.put("JUJU_ACTION_UUID", id);
			env.put("JUJU_ACTION_TAG", "action-" + id);
		}
		if (this.machineRoot != null) {
			env.put(HookEnvironment.MACHINE_ROOT_VARIABLE, this.machineRoot.toAbsolutePath().toString());
		}
		env.putAll(this.extra);
		return Map.copyOf(env);
	}
}

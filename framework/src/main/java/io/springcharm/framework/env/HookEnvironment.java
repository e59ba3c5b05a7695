package io.springcharm.framework.env;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

import io.springcharm.framework.hook.Hook;
import io.springcharm.framework.hook.JujuVersion;
import io.springcharm.framework.metadata.CharmMetadata;
import io.springcharm.framework.state.UnitState;
import io.springcharm.framework.tool.HookTools;
import org.jspecify.annotations.Nullable;

/**
 * What a charm sees of Juju during one hook: who and where it is, its config and metadata,
 * and every hook tool through {@link #tools()}. Registered as the bean
 * {@code hookEnvironment}.
 */
public final class HookEnvironment {

	/**
	 * Environment variable naming a directory that stands in for {@code /} for paths
	 * resolved with {@link #machinePath(String)}. The local model sets it so that several
	 * units on one host keep their files apart; Juju never sets it.
	 */
	public static final String MACHINE_ROOT_VARIABLE = "SPRING_CHARM_MACHINE_ROOT";

	private static final String STATUS_KEY = "framework.status";

	private static final java.util.Set<String> CONFIG_HOOKS = java.util.Set.of("hooks/install", "hooks/config-changed",
			"hooks/upgrade-charm");

	private final Hook hook;

	private final HookTools tools;

	private final UnitState state;

	private final Supplier<CharmMetadata> metadata;

	private final @Nullable Path machineRoot;

	private @Nullable Map<String, Object> config;

	/**
	 * @param hook the hook being run
	 * @param tools the hook tools
	 * @param state the unit state, where the last status set is remembered
	 * @param metadata reads the charm's metadata when first needed
	 * @param machineRoot the directory standing in for {@code /}, or {@code null} for the
	 * real one
	 */
	public HookEnvironment(Hook hook, HookTools tools, UnitState state, Supplier<CharmMetadata> metadata,
			@Nullable Path machineRoot) {
		this.hook = hook;
		this.tools = tools;
		this.state = state;
		this.metadata = metadata;
		this.machineRoot = machineRoot;
	}

	/** The hook being run. */
	public Hook hook() {
		return this.hook;
	}

	/** This unit's name, for example {@code myapp/0}. */
	public String unitName() {
		return this.hook.unitName();
	}

	/** This application's name, for example {@code myapp}. */
	public String appName() {
		return this.hook.appName();
	}

	/** The model's name. */
	public String modelName() {
		return this.hook.modelName();
	}

	/** The charm directory. */
	public Path charmDir() {
		return this.hook.charmDir();
	}

	/** The Juju agent's version. */
	public JujuVersion jujuVersion() {
		return this.hook.jujuVersion();
	}

	/** Every hook tool, one method each. */
	public HookTools tools() {
		return this.tools;
	}

	/** The charm's metadata.yaml, config.yaml and actions.yaml, read on first use. */
	public CharmMetadata metadata() {
		return this.metadata.get();
	}

	/**
	 * Whether this hook may be the first to see a new charm's files: {@code install},
	 * {@code upgrade-charm}, and {@code config-changed}, which follows both. In the other
	 * hooks, what is derived from metadata.yaml or config.yaml can be kept from an earlier
	 * hook instead of parsing YAML again.
	 * @return whether the charm's files may be new
	 */
	public boolean maySeeNewCharmFiles() {
		return CONFIG_HOOKS.contains(this.hook.dispatchPath());
	}

	/**
	 * The application's config from {@code config-get}, read once per hook. Also bound as
	 * {@code juju.config.*} properties. In the hooks where config can have changed
	 * ({@code install}, {@code config-changed}, {@code upgrade-charm}) it is checked against
	 * the types declared in config.yaml; other hooks skip the check, so that a quiet hook
	 * does not pay for parsing YAML.
	 * @return option name to value
	 */
	public Map<String, Object> config() {
		if (this.config == null) {
			Map<String, Object> values = this.tools.configGet();
			if (maySeeNewCharmFiles()) {
				metadata().checkConfig(values);
			}
			this.config = values;
		}
		return this.config;
	}

	/** Whether this unit is the leader, asked once per hook. */
	public boolean isLeader() {
		return this.tools.isLeader();
	}

	/**
	 * Sets this unit's workload status. Juju keeps a status until it is set again, so a
	 * status equal to the last one this unit set is not sent again.
	 * @param status {@code active}, {@code blocked}, {@code waiting} or {@code maintenance}
	 * @param message the message shown in {@code juju status}
	 */
	public void setStatus(String status, String message) {
		String value = status + "\n" + message;
		if (!value.equals(this.state.get(STATUS_KEY))) {
			this.tools.statusSet(status, message, false);
			this.state.put(STATUS_KEY, value);
		}
	}

	/**
	 * Sets the status {@code active}.
	 * @param message the message, possibly empty
	 */
	public void active(String message) {
		setStatus("active", message);
	}

	/**
	 * Sets the status {@code blocked}: the operator must act (for example fix config).
	 * @param message what the operator should do
	 */
	public void blocked(String message) {
		setStatus("blocked", message);
	}

	/**
	 * Sets the status {@code waiting}: the unit waits for something outside it.
	 * @param message what it waits for
	 */
	public void waiting(String message) {
		setStatus("waiting", message);
	}

	/**
	 * Sets the status {@code maintenance}: the unit is busy with its own work.
	 * @param message what it is doing
	 */
	public void maintenance(String message) {
		setStatus("maintenance", message);
	}

	/**
	 * Logs through {@code juju-log}, visible in {@code juju debug-log}.
	 * @param level TRACE, DEBUG, INFO, WARNING, ERROR or CRITICAL
	 * @param message the message; never put secret values in it
	 */
	public void log(String level, String message) {
		this.tools.jujuLog(level, message);
	}

	/**
	 * A path on this unit's machine. It is the path itself under Juju; in the local
	 * model, where several units share one host, it lies under the unit's own machine
	 * directory. Charms should resolve every absolute path they write through this.
	 * @param path an absolute path such as {@code /etc/foopass}
	 * @return where to read and write it
	 */
	public Path machinePath(String path) {
		Objects.requireNonNull(path, "'path' must not be null");
		Path p = Path.of(path);
		if (this.machineRoot == null || !p.isAbsolute()) {
			return p;
		}
		return this.machineRoot.resolve(p.getRoot().relativize(p).toString());
	}
}

package io.springcharm.framework.hook;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * The hook being run, read once from the environment Juju builds for it.
 *
 * @param name the hook name, for example {@code db-relation-changed}, or the action name
 * for actions, for example {@code backup}
 * @param kind the family of the hook
 * @param dispatchPath {@code JUJU_DISPATCH_PATH}, for example {@code hooks/install} or
 * {@code actions/backup}
 * @param unitName {@code JUJU_UNIT_NAME}, for example {@code myapp/0}
 * @param modelName {@code JUJU_MODEL_NAME}, for example {@code prod}
 * @param modelUuid {@code JUJU_MODEL_UUID}
 * @param contextId {@code JUJU_CONTEXT_ID}, which the hook tools need
 * @param charmDir {@code JUJU_CHARM_DIR}, for example
 * {@code /var/lib/juju/agents/unit-myapp-0/charm}
 * @param jujuVersion {@code JUJU_VERSION}, for example {@code 3.6.0}
 * @param relation the relation of a relation hook, otherwise {@code null}
 * @param storage the storage of a storage hook, otherwise {@code null}
 * @param secret the secret of a secret hook, otherwise {@code null}
 * @param workload the container of a workload hook, otherwise {@code null}
 * @param action the action of an action, otherwise {@code null}
 */
public record Hook(String name, HookKind kind, String dispatchPath, String unitName, String modelName,
		String modelUuid, String contextId, Path charmDir, JujuVersion jujuVersion, @Nullable Relation relation,
		@Nullable Storage storage, @Nullable Secret secret, @Nullable Workload workload, @Nullable Action action) {

	private static final Set<String> LIFECYCLE = Set.of("install", "start", "stop", "remove", "config-changed",
			"upgrade-charm", "update-status", "leader-elected", "leader-deposed", "leader-settings-changed",
			"collect-metrics", "meter-status-changed", "pre-series-upgrade", "post-series-upgrade");

	private static final Set<String> RESTRICTED = Set.of("collect-metrics", "meter-status-changed");

	private static final Set<String> SECRET_HOOKS = Set.of("secret-changed", "secret-rotate", "secret-remove",
			"secret-expired");

	/**
	 * The relation of a relation hook.
	 * @param endpoint {@code JUJU_RELATION}, the endpoint name, for example {@code db}
	 * @param id the number in {@code JUJU_RELATION_ID} ({@code db:7} gives 7)
	 * @param remoteApp {@code JUJU_REMOTE_APP}, for example {@code mysql}
	 * @param remoteUnit {@code JUJU_REMOTE_UNIT}, for example {@code mysql/0}; {@code null}
	 * in relation-created, relation-broken and application-data relation-changed, where
	 * Juju sets it empty
	 * @param departingUnit {@code JUJU_DEPARTING_UNIT} in relation-departed, otherwise
	 * {@code null}
	 */
	public record Relation(String endpoint, int id, String remoteApp, @Nullable String remoteUnit,
			@Nullable String departingUnit) {

		/** The relation id as the tools take it, for example {@code db:7}. */
		public String relationId() {
			return this.endpoint + ":" + this.id;
		}
	}

	/**
	 * The storage of a storage hook.
	 * @param id {@code JUJU_STORAGE_ID}, for example {@code data/0}
	 * @param location {@code JUJU_STORAGE_LOCATION}, the mount point or device path
	 * @param kind {@code JUJU_STORAGE_KIND}: {@code block} or {@code filesystem}
	 */
	public record Storage(String id, String location, String kind) {
	}

	/**
	 * The secret of a secret hook.
	 * @param id {@code JUJU_SECRET_ID}, the secret URI
	 * @param label {@code JUJU_SECRET_LABEL}, possibly empty
	 * @param revision {@code JUJU_SECRET_REVISION}, set only for secret-remove and
	 * secret-expired, otherwise {@code null}
	 */
	public record Secret(String id, String label, @Nullable Integer revision) {
	}

	/**
	 * The container of a workload (Pebble) hook.
	 * @param container {@code JUJU_WORKLOAD_NAME}
	 * @param noticeId {@code JUJU_NOTICE_ID} for custom notices, otherwise {@code null}
	 * @param noticeType {@code JUJU_NOTICE_TYPE} for custom notices, otherwise {@code null}
	 * @param noticeKey {@code JUJU_NOTICE_KEY} for custom notices, otherwise {@code null}
	 * @param checkName {@code JUJU_PEBBLE_CHECK_NAME} for check hooks, otherwise {@code null}
	 */
	public record Workload(String container, @Nullable String noticeId, @Nullable String noticeType,
			@Nullable String noticeKey, @Nullable String checkName) {
	}

	/**
	 * The action being run.
	 * @param name {@code JUJU_ACTION_NAME}, for example {@code backup}
	 * @param id {@code JUJU_ACTION_UUID}, in Juju 3 a small number such as {@code 7}
	 */
	public record Action(String name, String id) {
	}

	/**
	 * Whether the environment is one Juju builds for a hook or action. Outside one, hook
	 * tools cannot work, so the entry point refuses to start.
	 * @param env the process environment
	 * @param argv0 the program path, used when {@code JUJU_DISPATCH_PATH} is absent
	 * @return whether this is a hook context
	 */
	public static boolean isHookContext(Map<String, String> env, @Nullable String argv0) {
		return hasText(env.get("JUJU_UNIT_NAME")) && hasText(env.get("JUJU_CONTEXT_ID"))
				&& (hasText(env.get("JUJU_DISPATCH_PATH")) || hasText(argv0));
	}

	/**
	 * Reads the hook from the environment Juju sets.
	 * @param env the process environment
	 * @param argv0 the program path, the fallback for Juju before 2.8, which did not set
	 * {@code JUJU_DISPATCH_PATH}; may be {@code null}
	 * @return the hook
	 * @throws IllegalArgumentException when the environment is not a hook context
	 */
	public static Hook fromEnvironment(Map<String, String> env, @Nullable String argv0) {
		if (!isHookContext(env, argv0)) {
			throw new IllegalArgumentException(
					"Not in a Juju hook context: JUJU_UNIT_NAME, JUJU_CONTEXT_ID and JUJU_DISPATCH_PATH are not all set");
		}
		String path = hasText(env.get("JUJU_DISPATCH_PATH")) ? env.get("JUJU_DISPATCH_PATH") : argv0;
		Path p = Path.of(path);
		String name = p.getFileName().toString();
		Path parent = p.getParent();
		boolean isAction = parent != null && parent.getFileName().toString().equals("actions");
		String dispatchPath = (isAction ? "actions/" : "hooks/") + name;
		String charmDir = orElse(env.get("JUJU_CHARM_DIR"), orElse(env.get("CHARM_DIR"), "."));
		HookKind kind = isAction ? HookKind.ACTION : kindOf(name);
		return new Hook(name, kind, dispatchPath, env.get("JUJU_UNIT_NAME"), orElse(env.get("JUJU_MODEL_NAME"), ""),
				orElse(env.get("JUJU_MODEL_UUID"), ""), env.get("JUJU_CONTEXT_ID"), Path.of(charmDir),
				JujuVersion.parse(env.get("JUJU_VERSION")), (kind == HookKind.RELATION) ? relation(name, env) : null,
				(kind == HookKind.STORAGE) ? storage(env) : null, (kind == HookKind.SECRET) ? secret(env) : null,
				(kind == HookKind.WORKLOAD) ? workload(name, env) : null,
				isAction ? new Action(name, orElse(env.get("JUJU_ACTION_UUID"), "")) : null);
	}

	/**
	 * Classifies a hook name.
	 * @param name a hook name such as {@code db-relation-joined}
	 * @return its kind; {@link HookKind#UNKNOWN} for names Juju does not define
	 */
	public static HookKind kindOf(String name) {
		if (LIFECYCLE.contains(name)) {
			return HookKind.LIFECYCLE;
		}
		if (SECRET_HOOKS.contains(name)) {
			return HookKind.SECRET;
		}
		if (prefixOf(name, "-relation-", "created", "joined", "changed", "departed", "broken") != null) {
			return HookKind.RELATION;
		}
		if (prefixOf(name, "-storage-", "attached", "detaching") != null) {
			return HookKind.STORAGE;
		}
		if (prefixOf(name, "-pebble-", "ready", "custom-notice", "check-failed", "check-recovered") != null) {
			return HookKind.WORKLOAD;
		}
		return HookKind.UNKNOWN;
	}

	/**
	 * The part of the hook name after the endpoint, storage or container name, for example
	 * {@code changed} for {@code db-relation-changed}; the whole name for other hooks.
	 */
	public String event() {
		return switch (this.kind) {
			case RELATION -> this.name.substring(this.name.lastIndexOf("-relation-") + "-relation-".length());
			case STORAGE -> this.name.substring(this.name.lastIndexOf("-storage-") + "-storage-".length());
			case WORKLOAD -> this.name.substring(this.name.lastIndexOf("-pebble-") + "-pebble-".length());
			default -> this.name;
		};
	}

	/** The application name, taken from the unit name ({@code myapp/0} gives {@code myapp}). */
	public String appName() {
		int slash = this.unitName.indexOf('/');
		return (slash < 0) ? this.unitName : this.unitName.substring(0, slash);
	}

	/**
	 * Whether this hook runs in Juju's restricted context ({@code collect-metrics},
	 * {@code meter-status-changed}), where most tools fail and start-of-hook work is skipped.
	 */
	public boolean isRestricted() {
		return this.kind == HookKind.LIFECYCLE && RESTRICTED.contains(this.name);
	}

	/** Whether this is an action rather than a hook. */
	public boolean isAction() {
		return this.kind == HookKind.ACTION;
	}

	@Override
	public String toString() {
		return this.dispatchPath + " on " + this.unitName;
	}

	private static @Nullable String prefixOf(String name, String infix, String... events) {
		for (String event : events) {
			String suffix = infix + event;
			if (name.endsWith(suffix) && name.length() > suffix.length()) {
				return name.substring(0, name.length() - suffix.length());
			}
		}
		return null;
	}

	private static Relation relation(String name, Map<String, String> env) {
		String endpoint = orElse(env.get("JUJU_RELATION"),
				prefixOf(name, "-relation-", "created", "joined", "changed", "departed", "broken"));
		String relationId = orElse(env.get("JUJU_RELATION_ID"), "");
		int id = -1;
		int colon = relationId.lastIndexOf(':');
		if (!relationId.isEmpty()) {
			try {
				id = Integer.parseInt(relationId.substring(colon + 1));
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'JUJU_RELATION_ID' is not a relation id: '" + relationId + "'");
			}
		}
		return new Relation(endpoint, id, orElse(env.get("JUJU_REMOTE_APP"), ""), blankToNull(env.get("JUJU_REMOTE_UNIT")),
				blankToNull(env.get("JUJU_DEPARTING_UNIT")));
	}

	private static Storage storage(Map<String, String> env) {
		return new Storage(orElse(env.get("JUJU_STORAGE_ID"), ""), orElse(env.get("JUJU_STORAGE_LOCATION"), ""),
				orElse(env.get("JUJU_STORAGE_KIND"), ""));
	}

	private static Secret secret(Map<String, String> env) {
		String revision = blankToNull(env.get("JUJU_SECRET_REVISION"));
		Integer number = null;
		if (revision != null) {
			try {
				number = Integer.valueOf(revision.trim());
			}
			catch (NumberFormatException ex) {
				throw new IllegalArgumentException("'JUJU_SECRET_REVISION' is not a revision number: '" + revision + "'");
			}
		}
		return new Secret(orElse(env.get("JUJU_SECRET_ID"), ""), orElse(env.get("JUJU_SECRET_LABEL"), ""), number);
	}

	private static Workload workload(String name, Map<String, String> env) {
		String container = orElse(env.get("JUJU_WORKLOAD_NAME"),
				prefixOf(name, "-pebble-", "ready", "custom-notice", "check-failed", "check-recovered"));
		return new Workload(container, blankToNull(env.get("JUJU_NOTICE_ID")), blankToNull(env.get("JUJU_NOTICE_TYPE")),
				blankToNull(env.get("JUJU_NOTICE_KEY")), blankToNull(env.get("JUJU_PEBBLE_CHECK_NAME")));
	}

	private static boolean hasText(@Nullable String s) {
		return s != null && !s.isBlank();
	}

	private static @Nullable String blankToNull(@Nullable String s) {
		return hasText(s) ? s : null;
	}

	private static String orElse(@Nullable String s, String fallback) {
		return hasText(s) ? s : fallback;
	}
}

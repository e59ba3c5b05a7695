package io.springcharm.test.juju;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.jspecify.annotations.Nullable;

/**
 * Status, logging, ports, addresses, charm state, storage, goal state, resource, credential
 * and action tools.
 */
final class UnitTools {

	private static final List<String> SETTABLE = List.of("maintenance", "blocked", "waiting", "active");

	private static final Set<String> LEVELS = Set.of("TRACE", "DEBUG", "INFO", "WARNING", "ERROR", "CRITICAL");

	private static final Set<String> RESERVED = Set.of("stdout", "stdout-encoding", "stderr", "stderr-encoding");

	private static final String ACTION_KEY = "[a-z0-9](?:[a-z0-9-]*[a-z0-9])?";

	private final HookContext ctx;

	UnitTools(HookContext ctx) {
		this.ctx = ctx;
	}

	void register(Map<String, HookContext.ToolFunction> tools) {
		tools.put("status-set", this::statusSet);
		tools.put("status-get", this::statusGet);
		tools.put("juju-log", this::jujuLog);
		tools.put("application-version-set", this::applicationVersionSet);
		tools.put("open-port", (call) -> port(call, true));
		tools.put("close-port", (call) -> port(call, false));
		tools.put("opened-ports", this::openedPorts);
		tools.put("unit-get", this::unitGet);
		tools.put("network-get", this::networkGet);
		tools.put("state-get", this::stateGet);
		tools.put("state-set", this::stateSet);
		tools.put("state-delete", this::stateDelete);
		tools.put("storage-get", this::storageGet);
		tools.put("storage-list", this::storageList);
		tools.put("storage-add", this::storageAdd);
		tools.put("goal-state", this::goalState);
		tools.put("resource-get", this::resourceGet);
		tools.put("credential-get", this::credentialGet);
		tools.put("juju-reboot", this::jujuReboot);
		tools.put("action-get", this::actionGet);
		tools.put("action-set", this::actionSet);
		tools.put("action-fail", this::actionFail);
		tools.put("action-log", this::actionLog);
	}

	// --- machine ----------------------------------------------------------------------------

	private ToolResult jujuReboot(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().flag("now").parse(call.args());
		args.atMost(0);
		if (this.ctx.isAction()) {
			throw ToolError.failure("juju-reboot is not supported when running an action.");
		}
		this.ctx.reboot = args.flag("now") ? Reboot.NOW : Reboot.AFTER_HOOK;
		return ToolResult.ok("");
	}

	// --- status and logging --------------------------------------------------------------

	private ToolResult statusSet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().flag("application").parse(call.args());
		String status = args.required(0, "invalid args, require <status> [message]");
		if (!SETTABLE.contains(status)) {
			throw ToolError.usage("invalid status " + ToolArgs.quote(status)
					+ ", expected one of [maintenance blocked waiting active]");
		}
		args.atMost(2);
		String message = (args.positional(1) != null) ? args.positional(1) : "";
		if (args.flag("application")) {
			if (!this.ctx.isLeader()) {
				throw ToolError.failure("this unit is not the leader");
			}
			this.ctx.model.setApplicationStatus(status, message);
		}
		else {
			this.ctx.model.setUnitStatus(this.ctx.unit, status, message);
		}
		return ToolResult.ok("");
	}

	private ToolResult statusGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().flag("include-data").flag("application").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(0);
		if (args.flag("application")) {
			if (!this.ctx.isLeader()) {
				throw ToolError.failure("finding application status: this unit is not the leader");
			}
			StatusInfo app = this.ctx.model.applicationStatus();
			Map<String, Object> status = statusMap((app != null) ? app : StatusInfo.of("unknown", ""), true);
			Map<String, Object> units = new TreeMap<>();
			for (String unit : this.ctx.model.units()) {
				units.put(unit, statusMap(this.ctx.model.unitStatus(unit), true));
			}
			status.put("units", units);
			return this.ctx.emit(args, Map.of("application-status", status), format);
		}
		StatusInfo status = this.ctx.model.unitStatus(this.ctx.unit);
		if (!args.flag("include-data") && format.equals(Output.SMART)) {
			return this.ctx.emit(args, status.status(), format);
		}
		return this.ctx.emit(args, statusMap(status, args.flag("include-data")), format);
	}

	private static Map<String, Object> statusMap(StatusInfo status, boolean includeData) {
		Map<String, Object> map = new TreeMap<>();
		map.put("status", status.status());
		if (includeData) {
			map.put("message", status.message());
			map.put("status-data", Map.of());
		}
		return map;
	}

	private ToolResult jujuLog(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("l", "log-level").flag("debug").value("format").parse(call.args());
		String message = String.join(" ", args.positionals());
		if (message.isEmpty()) {
			throw ToolError.usage("no message specified");
		}
		String level = (args.value("l") != null) ? args.value("l").toUpperCase(Locale.ROOT) : "INFO";
		level = level.equals("WARN") ? "WARNING" : level;
		String warning = "";
		if (args.flag("debug")) {
			level = "DEBUG";
		}
		else if (!LEVELS.contains(level)) {
			warning = "WARNING invalid log level " + ToolArgs.quote(args.value("l")) + ", using INFO\n";
			level = "INFO";
		}
		String relation = this.ctx.envValue("JUJU_RELATION_ID");
		String line = relation.isEmpty() ? message : relation + ": " + message;
		this.ctx.model.logs.add(new LogLine(this.ctx.unit, this.ctx.hook, level, line));
		return new ToolResult(0, "", warning);
	}

	private ToolResult applicationVersionSet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().parse(call.args());
		String version = args.required(0, "no version specified");
		args.atMost(1);
		this.ctx.model.setApplicationVersion(version);
		return ToolResult.ok("");
	}

	// --- ports and addresses --------------------------------------------------------------

	private ToolResult port(ToolCall call, boolean open) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("endpoints").parse(call.args());
		String spec = args.required(0, "no port or range specified");
		args.atMost(1);
		PortRange range = PortRange.parse(spec);
		TreeSet<PortRange> ports = portsView();
		if (open) {
			ports.add(range);
		}
		else {
			ports.remove(range);
		}
		this.ctx.ports = ports;
		return ToolResult.ok("");
	}

	private TreeSet<PortRange> portsView() {
		return new TreeSet<>((this.ctx.ports != null) ? this.ctx.ports : this.ctx.model.unit(this.ctx.unit).ports);
	}

	private ToolResult openedPorts(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().flag("endpoints").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(0);
		List<String> ports = portsView().stream()
			.map((p) -> args.flag("endpoints") ? p + " (*)" : p.toString())
			.toList();
		return this.ctx.emit(args, ports, format);
	}

	private ToolResult unitGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		String setting = args.required(0, "no setting specified");
		if (!setting.equals("private-address") && !setting.equals("public-address")) {
			throw ToolError.usage("unknown setting " + ToolArgs.quote(setting));
		}
		args.atMost(1);
		return this.ctx.emit(args, this.ctx.model.address(this.ctx.unit), format);
	}

	private ToolResult networkGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output()
			.value("r", "relation")
			.flag("bind-address")
			.flag("ingress-address")
			.flag("egress-subnets")
			.flag("primary-address")
			.parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		String binding = args.required(0, "no arguments specified");
		args.atMost(1);
		if (args.value("r") != null) {
			new RelationTools(this.ctx).relation(args);
		}
		if (!binding.equals("juju-info") && !this.ctx.model.metadata().endpoints().containsKey(binding)) {
			throw ToolError.failure("no network config found for binding " + ToolArgs.quote(binding));
		}
		String address = this.ctx.model.address(this.ctx.unit);
		String cidr = address.substring(0, address.lastIndexOf('.')) + ".0/24";
		Map<String, Object> selected = new LinkedHashMap<>();
		if (args.flag("bind-address") || args.flag("primary-address")) {
			selected.put("bind-address", address);
		}
		if (args.flag("ingress-address")) {
			selected.put("ingress-address", address);
		}
		if (args.flag("egress-subnets")) {
			selected.put("egress-subnets", List.of(address + "/32"));
		}
		if (selected.size() == 1) {
			return this.ctx.emit(args, selected.values().iterator().next(), format);
		}
		if (selected.size() > 1) {
			return this.ctx.emit(args, selected, format);
		}
		Map<String, Object> addressEntry = new TreeMap<>(Map.of("hostname", "", "value", address, "cidr", cidr));
		Map<String, Object> device = new TreeMap<>(Map.of("mac-address", "00:16:3e:00:00:"
				+ String.format("%02x", JujuModel.unitNumber(this.ctx.unit) % 256), "interface-name", "eth0",
				"addresses", List.of(addressEntry)));
		Map<String, Object> info = new TreeMap<>();
		info.put("bind-addresses", List.of(device));
		info.put("egress-subnets", List.of(address + "/32"));
		info.put("ingress-addresses", List.of(address));
		return this.ctx.emit(args, info, format);
	}

	// --- charm state -----------------------------------------------------------------------

	private @Nullable TreeMap<String, String> stateView() {
		if (this.ctx.charmState != null) {
			return new TreeMap<>(this.ctx.charmState);
		}
		Map<String, String> committed = this.ctx.model.unit(this.ctx.unit).charmState;
		return (committed != null) ? new TreeMap<>(committed) : null;
	}

	private ToolResult stateGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().flag("strict").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String key = args.positional(0);
		TreeMap<String, String> state = stateView();
		if (key == null || key.equals("-")) {
			if (state == null || state.isEmpty()) {
				// Juju holds no state as a nil map: json prints null, the others {}.
				return this.ctx.emitText(args, format.equals(Output.JSON) ? "null\n" : "{}\n");
			}
			return this.ctx.emit(args, state, format);
		}
		String value = (state != null) ? state.get(key) : null;
		if (value == null && args.flag("strict")) {
			throw ToolError.failure(ToolArgs.quote(key) + " not found");
		}
		return this.ctx.emit(args, (value != null) ? value : "", format);
	}

	private ToolResult stateSet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("file").parse(call.args());
		Map<String, String> changes = new LinkedHashMap<>();
		String file = args.value("file");
		if (file != null) {
			changes.putAll(HookContext.yamlSettings(this.ctx.readFile(file, call.stdin())));
		}
		changes.putAll(HookContext.keyValues(args, 0));
		for (Map.Entry<String, String> e : changes.entrySet()) {
			if (e.getKey().getBytes(StandardCharsets.UTF_8).length > 256) {
				throw ToolError.failure("max allowed key length (256) exceeded");
			}
			if (e.getValue().getBytes(StandardCharsets.UTF_8).length > 65536) {
				throw ToolError.failure("max allowed value length (65536) exceeded");
			}
		}
		TreeMap<String, String> state = stateView();
		state = (state != null) ? state : new TreeMap<>();
		// Unlike relation-set, an empty value is stored, not deleted.
		state.putAll(changes);
		this.ctx.charmState = state;
		return ToolResult.ok("");
	}

	private ToolResult stateDelete(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().parse(call.args());
		args.atMost(1);
		String key = args.positional(0);
		TreeMap<String, String> state = stateView();
		if (key != null && state != null && state.remove(key) != null) {
			this.ctx.charmState = state;
		}
		return ToolResult.ok("");
	}

	// --- storage and goal state ----------------------------------------------------------

	private ToolResult storageGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("s").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String id = (args.value("s") != null) ? args.value("s") : this.ctx.envValue("JUJU_STORAGE_ID");
		if (id.isEmpty()) {
			throw ToolError.usage("no storage instance specified");
		}
		if (!id.matches("[a-z][a-z0-9-]*/[0-9]+")) {
			throw ToolError.usage("invalid value " + ToolArgs.quote(id) + " for option -s: invalid storage ID "
					+ ToolArgs.quote(id));
		}
		String location = this.ctx.model.unit(this.ctx.unit).storage.get(id);
		if (location == null) {
			throw ToolError.failure("storage " + ToolArgs.quote(id) + " not found");
		}
		Map<String, Object> info = new TreeMap<>(Map.of("kind", "filesystem", "location", location));
		String attribute = args.positional(0);
		if (attribute == null) {
			return this.ctx.emit(args, info, format);
		}
		if (!info.containsKey(attribute)) {
			throw ToolError.failure("invalid storage attribute " + ToolArgs.quote(attribute));
		}
		return this.ctx.emit(args, info.get(attribute), format);
	}

	private ToolResult storageList(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String name = args.positional(0);
		List<String> ids = this.ctx.model.unit(this.ctx.unit)
			.storage
			.keySet()
			.stream()
			.filter((id) -> name == null || id.startsWith(name + "/"))
			.toList();
		return this.ctx.emit(args, ids, format);
	}

	private ToolResult storageAdd(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().parse(call.args());
		if (args.positionals().isEmpty()) {
			throw ToolError.usage("storage add requires a storage directive");
		}
		List<String> adds = new ArrayList<>();
		for (String directive : args.positionals()) {
			int eq = directive.indexOf('=');
			String name = (eq >= 0) ? directive.substring(0, eq) : directive;
			int count = 1;
			if (eq >= 0) {
				try {
					count = Integer.parseInt(directive.substring(eq + 1));
				}
				catch (NumberFormatException ex) {
					throw ToolError.usage("only count can be specified for " + ToolArgs.quote(name));
				}
			}
			if (!this.ctx.model.metadata().storage().contains(name)) {
				throw ToolError.failure("storage " + ToolArgs.quote(name) + " not found");
			}
			for (int i = 0; i < count; i++) {
				adds.add(name);
			}
		}
		this.ctx.storageAdds.addAll(adds);
		return ToolResult.ok("");
	}

	private ToolResult goalState(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.YAML, false);
		args.atMost(0);
		String since = this.ctx.model.unitStatus(this.ctx.unit).since().toString();
		Map<String, Object> units = new TreeMap<>();
		for (String unit : this.ctx.model.units()) {
			units.put(unit, Map.of("status", "active", "since", since));
		}
		Map<String, Object> relations = new TreeMap<>();
		for (RelationState relation : this.ctx.model.relations.values()) {
			if (relation.broken) {
				continue;
			}
			@SuppressWarnings("unchecked")
			Map<String, Object> endpoint = (Map<String, Object>) relations.computeIfAbsent(relation.info.endpoint(),
					(e) -> new TreeMap<String, Object>());
			endpoint.put(relation.info.remoteApp(), Map.of("status", "joined", "since", since));
			List<String> remote = this.ctx.model.unitsInScope(relation.info.id(), this.ctx.unit);
			remote.forEach((u) -> endpoint.put(u, Map.of("status", "active", "since", since)));
		}
		return this.ctx.emit(args, Map.of("units", units, "relations", relations), format);
	}

	// --- resources and cloud credentials ------------------------------------------------------

	private ToolResult resourceGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().parse(call.args());
		String name = args.required(0, "missing required resource name");
		args.atMost(1);
		String declared = this.ctx.model.metadata().resources().get(name);
		if (declared == null) {
			throw ToolError.failure("could not download resource: resource " + ToolArgs.quote(name)
					+ " is not declared in metadata.yaml");
		}
		Path file = this.ctx.model.resources().get(name);
		if (file == null) {
			throw ToolError.failure("could not download resource: resource " + ToolArgs.quote(name)
					+ " has no file in the model");
		}
		Path local = file;
		if (!this.ctx.envValue("JUJU_CHARM_DIR").isEmpty()) {
			// As Juju: the unit's own copy, beside its charm directory, synced on every call.
			String fileName = declared.isEmpty() ? file.getFileName().toString() : declared;
			local = this.ctx.charmDir().toAbsolutePath().resolveSibling("resources").resolve(name).resolve(fileName);
			try {
				Files.createDirectories(local.getParent());
				Files.copy(file, local, StandardCopyOption.REPLACE_EXISTING);
			}
			catch (IOException ex) {
				throw ToolError.failure("could not download resource: " + ex.getMessage());
			}
		}
		// Juju prints the path with no newline.
		return ToolResult.ok(local.toString());
	}

	private ToolResult credentialGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(0);
		Map<String, Object> spec = this.ctx.model.cloudSpec();
		if (spec == null) {
			// What the controller answers an application nobody ran `juju trust` for.
			throw ToolError.failure("cannot access cloud credentials: permission denied");
		}
		return this.ctx.emit(args, spec, format);
	}

	// --- actions --------------------------------------------------------------------------

	private void requireAction() throws ToolError {
		if (this.ctx.action == null) {
			throw ToolError.failure("not running an action");
		}
	}

	private ToolResult actionGet(ToolCall call) throws ToolError {
		requireAction();
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String path = args.positional(0);
		Object value = this.ctx.params;
		if (path != null) {
			for (String segment : path.split("\\.")) {
				value = (value instanceof Map<?, ?> map) ? map.get(segment) : null;
			}
		}
		return this.ctx.emit(args, value, format);
	}

	@SuppressWarnings("unchecked")
	private ToolResult actionSet(ToolCall call) throws ToolError {
		requireAction();
		ToolArgs args = ToolArgs.spec().parse(call.args());
		Map<String, String> values = new LinkedHashMap<>();
		for (int i = 0; i < args.positionals().size(); i++) {
			String arg = args.positionals().get(i);
			int eq = arg.indexOf('=');
			if (eq < 0) {
				String shown = call.secretArgs().contains(args.argvIndex(i)) ? ToolCall.REDACTED : arg;
				throw ToolError.usage("argument " + ToolArgs.quote(shown) + " must be of the form key...=value");
			}
			String key = arg.substring(0, eq);
			for (String segment : key.split("\\.", -1)) {
				if (!segment.matches(ACTION_KEY)) {
					throw ToolError.usage("key " + ToolArgs.quote(key) + " must start and end with lowercase "
							+ "alphanumeric, and contain only lowercase alphanumeric, hyphens and periods");
				}
			}
			if (RESERVED.contains(key)) {
				throw ToolError.usage("cannot set reserved action key " + ToolArgs.quote(key));
			}
			values.put(key, arg.substring(eq + 1));
		}
		values.forEach((key, value) -> {
			String[] segments = key.split("\\.");
			Map<String, Object> target = this.ctx.actionResults;
			for (int i = 0; i < segments.length - 1; i++) {
				Object next = target.get(segments[i]);
				if (!(next instanceof Map<?, ?>)) {
					next = new TreeMap<String, Object>();
					target.put(segments[i], next);
				}
				target = (Map<String, Object>) next;
			}
			target.put(segments[segments.length - 1], value);
		});
		return ToolResult.ok("");
	}

	private ToolResult actionFail(ToolCall call) throws ToolError {
		requireAction();
		ToolArgs args = ToolArgs.spec().parse(call.args());
		args.atMost(1);
		String message = args.positional(0);
		this.ctx.actionFailure = (message != null) ? message
				: "action failed without reason given, check action for errors";
		return ToolResult.ok("");
	}

	private ToolResult actionLog(ToolCall call) throws ToolError {
		requireAction();
		ToolArgs args = ToolArgs.spec().parse(call.args());
		String message = String.join(" ", args.positionals());
		if (message.isEmpty()) {
			throw ToolError.usage("no message specified");
		}
		this.ctx.actionLogs.add(message);
		return ToolResult.ok("");
	}
}

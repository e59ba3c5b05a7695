package io.springcharm.test.juju;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.jspecify.annotations.Nullable;

/** {@code config-get}, {@code is-leader}, {@code leader-get/set} and the {@code relation-*} tools. */
final class RelationTools {

	private static final String UNIT_NAME = "[a-z][a-z0-9-]*/[0-9]+";

	private final HookContext ctx;

	RelationTools(HookContext ctx) {
		this.ctx = ctx;
	}

	void register(Map<String, HookContext.ToolFunction> tools) {
		tools.put("config-get", this::configGet);
		tools.put("is-leader", this::isLeader);
		tools.put("leader-get", this::leaderGet);
		tools.put("leader-set", this::leaderSet);
		tools.put("relation-ids", this::relationIds);
		tools.put("relation-list", this::relationList);
		tools.put("relation-get", this::relationGet);
		tools.put("relation-set", this::relationSet);
		tools.put("relation-model-get", this::relationModelGet);
	}

	private ToolResult configGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().flag("a", "all").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String key = args.positional(0);
		if (args.flag("a") && key != null) {
			throw ToolError.usage("cannot use argument --all together with key " + ToolArgs.quote(key));
		}
		if (args.flag("a")) {
			return this.ctx.emit(args, this.ctx.configAllSnapshot, format);
		}
		return this.ctx.emit(args, (key != null) ? this.ctx.configSnapshot.get(key) : this.ctx.configSnapshot, format);
	}

	private ToolResult isLeader(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(0);
		return this.ctx.emit(args, this.ctx.isLeader(), format);
	}

	private ToolResult leaderGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String key = args.positional(0);
		if (key != null && key.contains("=")) {
			throw ToolError.usage("invalid key " + ToolArgs.quote(key));
		}
		if (this.ctx.leaderCache == null) {
			this.ctx.leaderCache = new TreeMap<>(this.ctx.model.leaderSettings);
		}
		if (key == null || key.equals("-")) {
			return this.ctx.emit(args, this.ctx.leaderCache, format);
		}
		return this.ctx.emit(args, this.ctx.leaderCache.get(key), format);
	}

	private ToolResult leaderSet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().parse(call.args());
		Map<String, String> settings = HookContext.keyValues(args, 0);
		if (!this.ctx.isLeader()) {
			throw ToolError.failure("cannot write leadership settings: cannot write settings: not the leader");
		}
		// Juju writes leader settings at once; a later hook failure does not undo them.
		this.ctx.leaderSettingsChanged |= this.ctx.model.setLeaderSettings(settings);
		this.ctx.leaderCache = null;
		return ToolResult.ok("");
	}

	private ToolResult relationIds(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		args.atMost(1);
		String endpoint = args.positional(0);
		if (endpoint == null) {
			endpoint = this.ctx.envValue("JUJU_RELATION");
		}
		if (endpoint.isEmpty()) {
			throw ToolError.usage("no endpoint name specified");
		}
		List<String> ids = new ArrayList<>();
		for (RelationState relation : this.ctx.model.relations.values()) {
			if (relation.info.endpoint().equals(endpoint) && !relation.broken && !isBrokenHookOf(relation)) {
				ids.add(relation.info.relationId());
			}
		}
		// Juju sorts the strings, so db:10 comes before db:2.
		ids.sort(null);
		return this.ctx.emit(args, ids, format);
	}

	private ToolResult relationList(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("r", "relation").flag("app").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		RelationState relation = relation(args);
		args.atMost(0);
		if (args.flag("app")) {
			return this.ctx.emit(args, relation.info.remoteApp(), format);
		}
		List<String> units = new ArrayList<>();
		if (!isBrokenHookOf(relation)) {
			units.addAll(relation.members(this.ctx.unit));
			if (isCurrent(relation) && this.ctx.hook.endsWith("-relation-departed")) {
				units.remove(this.ctx.envValue("JUJU_REMOTE_UNIT"));
				units.remove(this.ctx.envValue("JUJU_DEPARTING_UNIT"));
			}
		}
		units.sort(null);
		return this.ctx.emit(args, units, format);
	}

	/** Every remote application is in this model: cross-model relations are not modelled. */
	private ToolResult relationModelGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("r", "relation").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		relation(args);
		args.atMost(0);
		return this.ctx.emit(args, Map.of("uuid", this.ctx.model.modelUuid()), format);
	}

	private ToolResult relationGet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.output().value("r", "relation").flag("app").parse(call.args());
		String format = Output.format(args.value("format"), Output.SMART, true);
		RelationState relation = relation(args);
		args.atMost(2);
		String key = args.positional(0);
		if ("-".equals(key)) {
			key = null;
		}
		String owner = args.positional(1);
		boolean app = args.flag("app");
		if (owner == null) {
			owner = app ? this.ctx.envValue("JUJU_REMOTE_APP") : this.ctx.envValue("JUJU_REMOTE_UNIT");
			if (owner.isEmpty() && !app) {
				// relation-created, relation-broken and app-level relation-changed: Juju
				// reads the remote application's bag.
				owner = this.ctx.envValue("JUJU_REMOTE_APP");
				app = true;
			}
			if (owner.isEmpty()) {
				throw ToolError.usage("no unit or application specified");
			}
		}
		else if (app) {
			int slash = owner.indexOf('/');
			owner = (slash >= 0) ? owner.substring(0, slash) : owner;
		}
		else if (!owner.contains("/")) {
			throw ToolError.usage("expected unit name, got application name " + ToolArgs.quote(owner));
		}
		else if (!owner.matches(UNIT_NAME)) {
			throw ToolError.usage("invalid unit name " + ToolArgs.quote(owner));
		}
		Map<String, String> bag = app ? appBag(relation, owner) : unitBag(relation, owner);
		return this.ctx.emit(args, (key != null) ? bag.get(key) : bag, format);
	}

	private ToolResult relationSet(ToolCall call) throws ToolError {
		ToolArgs args = ToolArgs.spec().value("r", "relation").flag("app").value("file").value("format").parse(call.args());
		RelationState relation = relation(args);
		Map<String, String> changes = new LinkedHashMap<>();
		String file = args.value("file");
		if (file != null) {
			changes.putAll(HookContext.yamlSettings(this.ctx.readFile(file, call.stdin())));
		}
		changes.putAll(HookContext.keyValues(args, 0));
		boolean app = args.flag("app");
		if (app && !this.ctx.isLeader()) {
			throw ToolError.failure("cannot write relation settings");
		}
		Map<Integer, SortedMap<String, String>> pending = app ? this.ctx.pendingApp : this.ctx.pendingUnit;
		pending.computeIfAbsent(relation.info.id(), (id) -> new TreeMap<>()).putAll(changes);
		String warning = args.has("format") ? "--format flag deprecated for command \"relation-set\"" : "";
		return new ToolResult(0, "", warning);
	}

	/** The bag of a unit, with Juju's access rules; this unit's own bag includes pending writes. */
	private Map<String, String> unitBag(RelationState relation, String owner) throws ToolError {
		int id = relation.info.id();
		String ownerApp = owner.substring(0, owner.indexOf('/'));
		if (owner.equals(this.ctx.unit)) {
			return withPending(relation.unitBags.get(owner), this.ctx.pendingUnit.get(id));
		}
		boolean peerOfMine = relation.info.peer() && ownerApp.equals(this.ctx.model.appName());
		boolean remote = !relation.info.peer() && ownerApp.equals(relation.info.remoteApp());
		if (!peerOfMine && !remote) {
			throw ToolError.failure("permission denied");
		}
		SortedMap<String, String> bag = this.ctx.unitBagSnapshot.getOrDefault(id, Map.of()).get(owner);
		if (bag == null) {
			throw ToolError.failure("cannot read settings for unit " + ToolArgs.quote(owner) + " in relation "
					+ ToolArgs.quote(relation.info.relationId()) + ": unit " + ToolArgs.quote(owner)
					+ ": settings not found");
		}
		return bag;
	}

	/** The bag of an application; the own one only for the leader or in a peer relation. */
	private Map<String, String> appBag(RelationState relation, String owner) throws ToolError {
		int id = relation.info.id();
		if (owner.equals(this.ctx.model.appName())) {
			if (!relation.info.peer() && !this.ctx.isLeader()) {
				throw ToolError.failure("permission denied");
			}
			if (relation.info.peer() && !this.ctx.model.isLeader(this.ctx.unit)) {
				// A follower reads the committed bag as of the hook's start.
				SortedMap<String, String> bag = this.ctx.appBagSnapshot.getOrDefault(id, Map.of()).get(owner);
				return (bag != null) ? bag : Map.of();
			}
			return withPending(relation.appBags.get(owner), this.ctx.pendingApp.get(id));
		}
		if (!owner.equals(relation.info.remoteApp())) {
			throw ToolError.failure("permission denied");
		}
		SortedMap<String, String> bag = this.ctx.appBagSnapshot.getOrDefault(id, Map.of()).get(owner);
		return (bag != null) ? bag : Map.of();
	}

	private static Map<String, String> withPending(@Nullable Map<String, String> committed,
			@Nullable Map<String, String> pending) {
		SortedMap<String, String> bag = new TreeMap<>((committed != null) ? committed : Map.of());
		if (pending != null) {
			RelationState.merge(bag, pending);
		}
		return bag;
	}

	/** The relation named by {@code -r}, or the hook's own. */
	RelationState relation(ToolArgs args) throws ToolError {
		String given = args.value("r");
		String text = (given != null) ? given : this.ctx.envValue("JUJU_RELATION_ID");
		if (text.isEmpty()) {
			throw ToolError.usage("no relation id specified");
		}
		String option = "invalid value " + ToolArgs.quote(text) + " for option -r: ";
		int id;
		try {
			id = Integer.parseInt(text.substring(text.lastIndexOf(':') + 1));
		}
		catch (NumberFormatException ex) {
			throw ToolError.usage(option + "invalid relation id");
		}
		RelationState relation = this.ctx.model.findRelation(id);
		if (relation == null || (relation.broken && !isCurrent(relation))) {
			throw ToolError.usage(option + "relation not found");
		}
		return relation;
	}

	private boolean isCurrent(RelationState relation) {
		String current = this.ctx.envValue("JUJU_RELATION_ID");
		return !current.isEmpty() && current.substring(current.lastIndexOf(':') + 1).equals(String.valueOf(relation.info.id()));
	}

	private boolean isBrokenHookOf(RelationState relation) {
		return this.ctx.hook.endsWith("-relation-broken") && isCurrent(relation);
	}
}

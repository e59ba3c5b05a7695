package io.springcharm.leadership.support;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import io.springcharm.leadership.LeadershipChangedEvent;

/**
 * Registered in the probe charm's context for one hook: holds the actions the first hook
 * handler runs, and records what the handlers saw.
 */
public final class Probe {

	private final List<Consumer<HookContext>> actions;

	private boolean failAtEnd;

	private final List<String> log = new ArrayList<>();

	private final List<Object> events = new ArrayList<>();

	private Set<String> flagsAtFirstHandler = Set.of();

	private Set<String> flagsAtLastHandler = Set.of();

	@SafeVarargs
	public Probe(Consumer<HookContext>... actions) {
		this.actions = List.of(actions);
	}

	/** Makes the last hook handler throw, after the actions ran. */
	public Probe failingAtEnd() {
		this.failAtEnd = true;
		return this;
	}

	public boolean failAtEnd() {
		return this.failAtEnd;
	}

	public void runActions(HookContext context) {
		this.actions.forEach((action) -> action.accept(context));
	}

	public void log(String line) {
		this.log.add(line);
	}

	public List<String> log() {
		return this.log;
	}

	public void event(Object event) {
		this.events.add(event);
	}

	/** Every leadership event received, in order. */
	public List<Object> events() {
		return this.events;
	}

	public List<LeadershipChangedEvent> changedEvents() {
		return this.events.stream()
			.filter(LeadershipChangedEvent.class::isInstance)
			.map(LeadershipChangedEvent.class::cast)
			.toList();
	}

	public Set<String> flagsAtFirstHandler() {
		return this.flagsAtFirstHandler;
	}

	public void flagsAtFirstHandler(Set<String> flags) {
		this.flagsAtFirstHandler = Set.copyOf(flags);
	}

	public Set<String> flagsAtLastHandler() {
		return this.flagsAtLastHandler;
	}

	public void flagsAtLastHandler(Set<String> flags) {
		this.flagsAtLastHandler = Set.copyOf(flags);
	}
}

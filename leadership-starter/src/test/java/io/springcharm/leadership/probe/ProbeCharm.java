package io.springcharm.leadership.probe;

import io.springcharm.framework.Charm;
import io.springcharm.framework.event.HookEvent;
import io.springcharm.framework.state.Flags;
import io.springcharm.leadership.Leadership;
import io.springcharm.leadership.LeadershipChangedEvent;
import io.springcharm.leadership.LeadershipGainedEvent;
import io.springcharm.leadership.LeadershipLostEvent;
import io.springcharm.leadership.support.HookContext;
import io.springcharm.leadership.support.Probe;
import org.springframework.context.ApplicationContext;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** A charm whose handlers run a test's actions and record what they see. */
@Charm
public class ProbeCharm {

	@Component
	static class Handlers {

		private final Probe probe;

		private final Leadership leadership;

		private final Flags flags;

		private final ApplicationContext context;

		Handlers(Probe probe, Leadership leadership, Flags flags, ApplicationContext context) {
			this.probe = probe;
			this.leadership = leadership;
			this.flags = flags;
			this.context = context;
		}

		@EventListener
		@Order(Ordered.HIGHEST_PRECEDENCE)
		void first(HookEvent event) {
			this.probe.flagsAtFirstHandler(this.flags.all());
			this.probe.log("hook " + event.hook().name());
			this.probe.runActions(new HookContext(this.leadership, this.flags, this.context, this.probe));
		}

		@EventListener(condition = "@flags.isSet('leadership.changed.b')")
		@Order(Ordered.LOWEST_PRECEDENCE - 1)
		void flagB(HookEvent event) {
			this.probe.log("flag handler: changed.b");
		}

		@EventListener(condition = "@leadership.leader and !@leadership.has('admin_password')")
		@Order(Ordered.LOWEST_PRECEDENCE - 1)
		void leaderWithoutPassword(HookEvent event) {
			this.probe.log("spel: leader without admin_password");
		}

		@EventListener
		@Order(Ordered.LOWEST_PRECEDENCE)
		void last(HookEvent event) {
			this.probe.flagsAtLastHandler(this.flags.all());
			if (this.probe.failAtEnd()) {
				throw new IllegalStateException("the probe was asked to fail this hook");
			}
		}

		@EventListener(condition = "#event.changed('b')")
		void changedB(LeadershipChangedEvent event) {
			this.probe.log("changed handler: b");
		}

		@EventListener
		void changed(LeadershipChangedEvent event) {
			this.probe.event(event);
			this.probe.log("changed " + event.keys());
		}

		@EventListener
		void gained(LeadershipGainedEvent event) {
			this.probe.event(event);
			this.probe.log("gained");
		}

		@EventListener
		void lost(LeadershipLostEvent event) {
			this.probe.event(event);
			this.probe.log("lost");
		}
	}
}

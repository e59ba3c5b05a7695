package io.springcharm.framework;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.springcharm.framework.messages.fallback.FallbackMessagesCharm;
import io.springcharm.framework.messages.own.OwnMessagesCharm;
import io.springcharm.framework.tool.ToolCall;
import io.springcharm.framework.tool.ToolResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.NoSuchMessageException;
import org.springframework.context.support.DefaultMessageSourceResolvable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class MessageSourceTests {

	@TempDir
	Path charmDir;

	@Test
	void charmWithoutMessageSourceGetsDefaultMessagesFormatted() throws Exception {
		assertThat(statusSetBy(FallbackMessagesCharm.class)).containsExactly("status-set active -- ready after install");
	}

	@Test
	void charmsOwnMessageSourceIsKept() throws Exception {
		assertThat(statusSetBy(OwnMessagesCharm.class)).containsExactly("status-set active -- serving since install");
	}

	@Test
	void unknownCodeWithoutDefaultIsNoSuchMessage() {
		DefaultMessagesOnly messages = new DefaultMessagesOnly();
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> messages.getMessage("missing.code", null, Locale.ROOT))
			.withMessageContaining("missing.code");
		assertThatExceptionOfType(NoSuchMessageException.class)
			.isThrownBy(() -> messages.getMessage(new DefaultMessageSourceResolvable(new String[] { "a", "b" }), Locale.ROOT))
			.withMessageContaining("'b'");
		assertThat(messages.getMessage(new DefaultMessageSourceResolvable(new String[] { "a" }, new Object[] { 3 },
				"{0} units"), Locale.ROOT)).isEqualTo("3 units");
		assertThat(messages.getMessage("a", null, null, Locale.ROOT)).isNull();
		assertThat(messages.getMessage("a", null, "it's {0}", Locale.ROOT)).isEqualTo("it's {0}");
	}

	@Test
	void defaultMessageThatIsNoValidPatternIsAnsweredAsWritten() {
		assertThat(new DefaultMessagesOnly().getMessage("code", new Object[] { 1 }, "ready {", Locale.ROOT))
			.isEqualTo("ready {");
	}

	private List<String> statusSetBy(Class<?> charm) throws Exception {
		Files.writeString(this.charmDir.resolve("metadata.yaml"), "name: messages\n");
		List<String> calls = new ArrayList<>();
		Map<String, String> env = Map.of("JUJU_UNIT_NAME", "messages/0", "JUJU_CONTEXT_ID", "ctx", "JUJU_DISPATCH_PATH",
				"hooks/install", "JUJU_CHARM_DIR", this.charmDir.toString());
		int code = new CharmApplication(charm).environment(env).toolRunner((ToolCall call) -> {
			if (call.tool().equals("status-set")) {
				calls.add(call.toString());
			}
			return ToolResult.ok("");
		}).execute().exitCode();
		assertThat(code).isZero();
		return calls;
	}
}

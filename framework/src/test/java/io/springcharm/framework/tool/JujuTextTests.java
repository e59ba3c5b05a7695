package io.springcharm.framework.tool;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class JujuTextTests {

	@Test
	void trimsWhatGoTrimSpaceTrims() {
		assertThat(JujuText.trimSpace(" \t\n\u000B\f\r\u0085\u00A0\u2007\u202F\u3000x y\u2028\u205F ")).isEqualTo("x y");
	}

	@Test
	void keepsWhatGoKeepsThoughJavaCallsItWhitespace() {
		assertThat(JujuText.trimSpace("\u001Cx\u001F")).isEqualTo("\u001Cx\u001F");
		assertThat("\u001Cx\u001F".strip()).isEqualTo("x");
	}

	@Test
	void leaderSetRefusesAValueEndingInANoBreakSpace() {
		HookTools tools = new HookTools((call) -> ToolResult.ok(""));
		org.assertj.core.api.Assertions.assertThatIllegalArgumentException()
			.isThrownBy(() -> tools.leaderSet(java.util.Map.of("k", "v\u00A0")))
			.withMessageContaining("'k'");
	}
}

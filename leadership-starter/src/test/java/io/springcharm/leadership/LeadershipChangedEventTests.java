package io.springcharm.leadership;

import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LeadershipChangedEventTests {

	private final LeadershipChangedEvent event = new LeadershipChangedEvent(Set.of("password"),
			Map.of("password", "old-secret", "other", "o"), Map.of("password", "new-secret", "other", "o"), true);

	@Test
	void helpersAnswerPerKey() {
		assertThat(this.event.changed("password")).isTrue();
		assertThat(this.event.changed("other")).isFalse();
		assertThat(this.event.previous("password")).isEqualTo("old-secret");
		assertThat(this.event.current("password")).isEqualTo("new-secret");
		assertThat(this.event.current("missing")).isNull();
	}

	@Test
	void toStringShowsKeysButNeverValues() {
		assertThat(this.event.toString()).contains("password").doesNotContain("secret");
	}

	@Test
	void isImmutable() {
		assertThatThrownBy(() -> this.event.current().put("x", "y")).isInstanceOf(UnsupportedOperationException.class);
	}
}

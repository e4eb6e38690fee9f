package org.mashfrontdoor.triage.adapters.web.workspace;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class LivePartsTest {

  @Test
  void no_more_watchers_than_the_cap_and_each_one_leaving_frees_its_place() {
    LiveParts<String> parts = new LiveParts<>("test-stream", key -> "<p>" + key + "</p>", Duration.ofSeconds(1),
        new Workspace.StreamLimits(Duration.ofSeconds(15), Duration.ofMinutes(1), 2), Clock.systemUTC());
    parts.watch("a", null, () -> true);
    var second = parts.watch("b", null, () -> true);
    assertThatThrownBy(() -> parts.watch("c", null, () -> true)).isInstanceOf(LiveParts.TooManyWatchers.class);
    assertThat(parts.watchers()).isEqualTo(2);
    parts.stop();
    assertThat(parts.watchers()).isZero();
    second.complete();
  }

  @Test
  void a_part_is_sent_on_one_line_and_its_digest_ignores_nothing_but_line_breaks() {
    assertThat(LiveParts.oneLine("<tr>\n<td>a</td>\r\n</tr>")).isEqualTo("<tr> <td>a</td> </tr>");
    assertThat(LiveParts.digest("<p>a</p>\n")).isEqualTo(LiveParts.digest("<p>a</p> ")).hasSize(32);
    assertThat(LiveParts.digest("<p>a</p>")).isNotEqualTo(LiveParts.digest("<p>b</p>"));
  }
}

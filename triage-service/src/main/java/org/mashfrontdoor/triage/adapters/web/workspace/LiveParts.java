package org.mashfrontdoor.triage.adapters.web.workspace;

import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import org.mashfrontdoor.platform.scheduling.PollingLoop;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

/**
 * A part of a page kept up to date in the browser without a reload (Server-Sent Events, event {@value #EVENT}, the
 * part's HTML on one line). Every poll the part is rendered once per distinct key (a lane filter, a member of
 * staff) and sent to each watcher whose last copy differs; a comment every heartbeat finds connections that went
 * away. Bounded: at most {@code maxWatchers} at once (more are refused), each stream ends after {@code timeout} (the
 * browser reconnects by itself), and each watcher is written to on a virtual thread of its own, so one that stops
 * reading holds up nobody else. Nothing runs while nobody watches.
 */
final class LiveParts<K> extends PollingLoop {

  static final String EVENT = "update";

  /** More watchers than the cap: the page works without live updates (a reload shows the latest). */
  static final class TooManyWatchers extends RuntimeException {
    TooManyWatchers() {
      super("too many live streams open");
    }
  }

  private final class Watcher {
    final SseEmitter emitter;
    final K key;
    final BooleanSupplier signedIn;
    final AtomicBoolean busy = new AtomicBoolean();
    // Written by the watcher's own thread, read by the loop's. The digest of the part it has.
    volatile String lastSent;
    volatile Instant lastWritten;

    Watcher(SseEmitter emitter, K key, BooleanSupplier signedIn, String shown, Instant now) {
      this.emitter = emitter;
      this.key = key;
      this.signedIn = signedIn;
      this.lastSent = shown;
      this.lastWritten = now;
    }
  }

  private final Function<K, String> render;
  private final Duration heartbeat;
  private final Duration timeout;
  private final int maxWatchers;
  private final Clock clock;
  private final List<Watcher> watchers = new CopyOnWriteArrayList<>();

  LiveParts(String name, Function<K, String> render, Duration poll, Workspace.StreamLimits limits, Clock clock) {
    super(name, poll);
    this.render = render;
    this.heartbeat = limits.heartbeat();
    this.timeout = limits.timeout();
    this.maxWatchers = limits.maxStreams();
    this.clock = clock;
  }

  /**
   * A fragment of a page rendered away from any request (so its links are plain paths): the template
   * {@code workspace/<fragment>} holds the fragment {@code <fragment>}.
   */
  static String fragment(ITemplateEngine templates, String fragment, Map<String, Object> variables) {
    Context context = new Context();
    context.setVariables(variables);
    return templates.process("workspace/" + fragment, Set.of(fragment), context);
  }

  /**
   * A new watcher of the part for {@code key}; {@code shown} is the {@link #digest} of the copy the page was rendered
   * with (null: unknown), so only a change is sent, not the same part again. The stream ends at the first poll that
   * finds {@code signedIn} false ({@link #whileSignedIn}): nothing more goes to a browser whose sign-in has ended.
   */
  SseEmitter watch(K key, String shown, BooleanSupplier signedIn) {
    if (watchers.size() >= maxWatchers) {
      throw new TooManyWatchers();
    }
    SseEmitter emitter = new SseEmitter(timeout.toMillis());
    Watcher watcher = new Watcher(emitter, key, signedIn, shown, Instant.now(clock));
    emitter.onCompletion(() -> watchers.remove(watcher));
    emitter.onTimeout(() -> watchers.remove(watcher));
    emitter.onError(e -> watchers.remove(watcher));
    watchers.add(watcher);
    wake();
    return emitter;
  }

  /**
   * Whether the sign-in a stream was opened under still holds: its session still holds who signed in (signing out or
   * the session timing out ends it; a later sign-in is a new session).
   */
  static BooleanSupplier whileSignedIn(HttpSession session) {
    return () -> {
      try {
        return session.getAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY) != null;
      } catch (IllegalStateException ended) {
        return false;
      }
    };
  }

  int watchers() {
    return watchers.size();
  }

  /** Ends every open stream, so a graceful shutdown is not held up by browsers that never hang up. */
  @Override
  public void stop() {
    watchers.forEach(w -> w.emitter.complete());
    watchers.clear();
    super.stop();
  }

  @Override
  protected void pass() {
    if (watchers.isEmpty()) {
      return;
    }
    Map<K, String> rendered = new HashMap<>();
    for (Watcher watcher : watchers) {
      if (!watcher.signedIn.getAsBoolean()) {
        watchers.remove(watcher);
        watcher.emitter.complete();
        continue;
      }
      String part = rendered.computeIfAbsent(watcher.key, key -> oneLine(render.apply(key)));
      String digest = digest(part);
      Instant now = Instant.now(clock);
      boolean changed = !digest.equals(watcher.lastSent);
      boolean beat = Duration.between(watcher.lastWritten, now).compareTo(heartbeat) >= 0;
      if ((changed || beat) && watcher.busy.compareAndSet(false, true)) {
        Thread.ofVirtual().name(getClass().getSimpleName() + "-watcher").start(() -> {
          try {
            if (changed) {
              watcher.emitter.send(SseEmitter.event().name(EVENT).data(part));
              watcher.lastSent = digest;
            } else {
              watcher.emitter.send(SseEmitter.event().comment("heartbeat"));
            }
            watcher.lastWritten = now;
          } catch (IOException | RuntimeException gone) {
            // The browser went away (it reconnects if it is still there). The container has seen the broken
            // connection and ends the request itself: completing it here as well would be a second ending.
            watchers.remove(watcher);
          } finally {
            watcher.busy.set(false);
          }
        });
      }
    }
  }

  /** Which copy of a part a page has: the start of its SHA-256 (a query parameter of the stream). */
  static String digest(String part) {
    try {
      byte[] hash = MessageDigest.getInstance("SHA-256").digest(oneLine(part).getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(hash, 0, 16);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  /** SSE data ends at a line break: the HTML goes as one line (line breaks are only whitespace between tags). */
  static String oneLine(String html) {
    return html.replace("\r", "").replace('\n', ' ');
  }
}

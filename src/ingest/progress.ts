/** Progress of a long ingest: a bar on a terminal, plain log lines when output is piped. */
import cliProgress from 'cli-progress';

export interface ProgressState {
  done: number;
  total: number;
  added: number;
  duplicates: number;
  failed: number;
}

export interface Progress {
  update(state: ProgressState): void;
  stop(state: ProgressState): void;
}

function fmtDuration(seconds: number): string {
  if (!Number.isFinite(seconds) || seconds < 0) return '?';
  if (seconds < 60) return `${Math.round(seconds)}s`;
  if (seconds < 3600) return `${Math.floor(seconds / 60)}m${String(Math.round(seconds % 60)).padStart(2, '0')}s`;
  return `${Math.floor(seconds / 3600)}h${String(Math.floor((seconds % 3600) / 60)).padStart(2, '0')}m`;
}

export function silentProgress(): Progress {
  return { update: () => undefined, stop: () => undefined };
}

/** A cli-progress bar on stderr: articles done, per second, time left. */
export function barProgress(stream: NodeJS.WriteStream = process.stderr): Progress {
  const started = Date.now();
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: 'ingest [{bar}] {value}/{total} articles | {rate}/s | ETA {left} | {added} new, {duplicates} known, {failed} failed',
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 200,
      fps: 5,
    },
    cliProgress.Presets.shades_classic,
  );
  let begun = false;
  const payload = (s: ProgressState) => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? s.done / secs : 0;
    return {
      rate: rate.toFixed(1),
      left: rate > 0 ? fmtDuration((s.total - s.done) / rate) : '?',
      added: s.added,
      duplicates: s.duplicates,
      failed: s.failed,
    };
  };
  return {
    update(s) {
      if (!begun) {
        bar.start(Math.max(s.total, 1), s.done, payload(s));
        begun = true;
      }
      bar.setTotal(Math.max(s.total, 1));
      bar.update(s.done, payload(s));
    },
    stop(s) {
      if (begun) {
        bar.setTotal(Math.max(s.total, 1));
        bar.update(s.done, payload(s));
        bar.stop();
      }
    },
  };
}

/** One plain line every `everyMs` (and at the end) for logs and pipes. */
export function lineProgress(write: (line: string) => void = (l) => process.stderr.write(l + '\n'), everyMs = 5000): Progress {
  const started = Date.now();
  let last = started;
  const line = (s: ProgressState) => {
    const secs = (Date.now() - started) / 1000;
    const rate = secs > 0 ? s.done / secs : 0;
    const left = rate > 0 && s.total > s.done ? `, ${fmtDuration((s.total - s.done) / rate)} left` : '';
    write(
      `ingest: ${s.done}/${s.total} articles, ${rate.toFixed(1)}/s${left} (${s.added} new, ${s.duplicates} already stored, ${s.failed} failed)`,
    );
  };
  return {
    update(s) {
      const now = Date.now();
      if (now - last >= everyMs) {
        last = now;
        line(s);
      }
    },
    stop(s) {
      line(s);
    },
  };
}

export function autoProgress(enabled = true): Progress {
  if (!enabled) return silentProgress();
  return process.stderr.isTTY ? barProgress() : lineProgress();
}

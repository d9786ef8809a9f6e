// A closed terminal (the window closed, ssh dropped, tmux pane killed) ends the interview
// quietly, as a hang-up does (status 129). Answers are saved synchronously, so a signal can
// only arrive between answers: at most the answer being typed is lost, and the file on disk is
// always whole.
export function whileInteractive(): () => void {
  // Dying of the hang-up signal itself: a normal exit would make Node restore the settings of a
  // terminal that no longer exists, and fail an internal assertion doing so.
  const closed = () => {
    process.removeAllListeners('SIGHUP');
    process.kill(process.pid, 'SIGHUP');
  };
  const onError = (e: unknown) => {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EIO' || code === 'ENXIO' || code === 'EBADF' || code === 'EPIPE') closed();
    // Anything else is a bug: report it like the CLI does, without losing saved answers.
    try {
      process.stderr.write(`fel: ett internt fel inträffade i fsstöd (${(e as Error)?.message ?? String(e)}). Svaren som redan sparats finns kvar.\n  → Kör igen med --debug och rapportera felet.\n`);
    } finally {
      process.exit(2);
    }
  };
  process.on('SIGHUP', closed);
  process.on('uncaughtException', onError);
  return () => {
    process.off('SIGHUP', closed);
    process.off('uncaughtException', onError);
  };
}

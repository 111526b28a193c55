package cirrus.states.run;

/** Stops everything a run (and the runs nested in it) waits for: its tasks and timers. */
final class Cancellation {
    private Cancellation() {}

    static void cancel(StepContext ctx, Run run) {
        if (run == null) {
            return;
        }
        Activity activity = run.activity();
        if (activity instanceof Activity.AwaitingTask task) {
            ctx.command(new Command.CancelTask(task.token()));
            timer(ctx, task.timeoutTimer());
            timer(ctx, task.heartbeatTimer());
        } else if (activity instanceof Activity.AwaitingWait wait) {
            timer(ctx, wait.timer());
        } else if (activity instanceof Activity.AwaitingRetry retry) {
            timer(ctx, retry.timer());
        } else if (activity instanceof Activity.AwaitingBranches branches) {
            for (Slot slot : branches.slots()) {
                if (slot instanceof Slot.Running running) {
                    cancel(ctx, running.run());
                }
            }
        }
    }

    private static void timer(StepContext ctx, String id) {
        if (id != null) {
            ctx.command(new Command.CancelTimer(id));
        }
    }
}

namespace Workflow.Api.Timers;

/// <summary>The "Timers" configuration section: defaults for the rules an activity does not state, and the scheduler.</summary>
public sealed class TimerOptions
{
    public const string Section = "Timers";

    public ReminderDefaults Reminders { get; set; } = new();
    public EscalationDefaults Escalation { get; set; } = new();
    public PhaseDeadlineDefaults PhaseDeadline { get; set; } = new();
    public SchedulerSettings Scheduler { get; set; } = new();

    /// <summary>Test-only hooks; off unless configured.</summary>
    public TestingHooks Testing { get; set; } = new();

    public sealed class ReminderDefaults
    {
        /// <summary>Off: no reminders unless an activity asks for them.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>A reminder this long before the due time (zero: none); then one at the due time.</summary>
        public TimeSpan BeforeDue { get; set; } = TimeSpan.FromDays(1);

        /// <summary>Then one every this long while overdue (zero: none)…</summary>
        public TimeSpan OverdueEvery { get; set; } = TimeSpan.FromDays(1);

        /// <summary>…at most this many times.</summary>
        public int OverdueMax { get; set; } = 3;
    }

    public sealed class EscalationDefaults
    {
        /// <summary>Whom an overdue task escalates to when its activity names nobody; empty: no escalation by default.</summary>
        public string? To { get; set; }

        /// <summary>Days overdue before it escalates, when the activity does not say.</summary>
        public double AfterDays { get; set; } = 2;
    }

    public sealed class PhaseDeadlineDefaults
    {
        /// <summary>Who is told a phase deadline passed, besides the campaign's creator (people or roles).</summary>
        public string[] Notify { get; set; } = [];
    }

    public sealed class SchedulerSettings
    {
        /// <summary>False: no Quartz scheduler in this process (timers are then swept by nobody here).</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>How often the sweep runs.</summary>
        public TimeSpan SweepInterval { get; set; } = TimeSpan.FromSeconds(5);

        /// <summary>Quartz's poll for triggers when idle (its default is 30 s, too slow for another node's triggers).</summary>
        public TimeSpan IdleWaitTime { get; set; } = TimeSpan.FromSeconds(1);

        public TimeSpan CheckinInterval { get; set; } = TimeSpan.FromSeconds(2);
        public TimeSpan CheckinMisfireThreshold { get; set; } = TimeSpan.FromSeconds(3);
        public TimeSpan MisfireThreshold { get; set; } = TimeSpan.FromSeconds(3);

        /// <summary>Timers fired per sweep at most (the rest wait for the next one).</summary>
        public int BatchSize { get; set; } = 200;
    }

    public sealed class TestingHooks
    {
        /// <summary>Holds each firing's transaction open this long before committing, so a test can kill the process mid-fire.</summary>
        public TimeSpan HoldBeforeCommit { get; set; } = TimeSpan.Zero;
    }
}

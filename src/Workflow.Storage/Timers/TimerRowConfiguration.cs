using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Timers;

internal sealed class TimerRowConfiguration : IEntityTypeConfiguration<TimerRow>
{
    public void Configure(EntityTypeBuilder<TimerRow> builder)
    {
        builder.ToTable("timers");
        builder.HasKey(t => t.Id);
        builder.Property(t => t.Id).ValueGeneratedOnAdd();
        builder.Property(t => t.Kind).HasMaxLength(16);
        builder.Property(t => t.PhaseId).HasMaxLength(200);
        builder.Property(t => t.TaskId).HasMaxLength(300);
        // The same timer is never scheduled twice: one per kind and task instance (or phase round).
        builder.HasIndex(t => new { t.CampaignId, t.Kind, t.PhaseId, t.Round, t.TaskId }).IsUnique();
        // The sweep: timers not held, by due time.
        builder.HasIndex(t => new { t.Held, t.DueAt, t.Id });
    }
}

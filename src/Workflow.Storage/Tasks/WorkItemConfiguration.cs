using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Workflow.Storage.Tasks;

internal sealed class WorkItemConfiguration : IEntityTypeConfiguration<WorkItem>
{
    public void Configure(EntityTypeBuilder<WorkItem> builder)
    {
        builder.ToTable("work_items");
        builder.HasKey(w => w.Id);
        builder.Property(w => w.Id).ValueGeneratedOnAdd();
        builder.HasIndex(w => new { w.CampaignId, w.PhaseId, w.Round, w.TaskId }).IsUnique();
        builder.Property(w => w.PhaseId).HasMaxLength(200);
        builder.Property(w => w.TaskId).HasMaxLength(300);
        builder.Property(w => w.ActivityId).HasMaxLength(200);
        builder.Property(w => w.ActivityType).HasMaxLength(100);
        builder.Property(w => w.Assignee).HasMaxLength(WorkItem.AssigneeMaxLength);
        builder.Property(w => w.Status).HasMaxLength(16);
        // The worklist: open tasks of one assignee, and open tasks by due time (overdue first).
        builder.HasIndex(w => new { w.Assignee, w.Status, w.Id });
        builder.HasIndex(w => new { w.Status, w.Id });
        builder.Property(w => w.EscalatedTo).HasMaxLength(WorkItem.AssigneeMaxLength);
        // The escalation target's worklist: open tasks escalated to it.
        builder.HasIndex(w => new { w.EscalatedTo, w.Status, w.Id });
        builder.Property(w => w.Outcome).HasMaxLength(100);
        builder.Property(w => w.CompletedBy).HasMaxLength(200);
        builder.Property(w => w.OnBehalfOf).HasMaxLength(200);
        // A campaign's task instances in activation order, paged (GET /campaigns/{id}/tasks).
        builder.HasIndex(w => new { w.CampaignId, w.Id });
    }
}

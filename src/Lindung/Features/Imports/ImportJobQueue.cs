using Lindung.Features.Jobs;
using Microsoft.Extensions.Options;

namespace Lindung.Features.Imports;

/// <summary>Import jobs waiting to run, and those running in this process.</summary>
internal sealed class ImportJobQueue(IOptions<ImportOptions> options) : JobQueue(options.Value.QueueCapacity);

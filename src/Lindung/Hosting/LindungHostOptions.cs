namespace Lindung.Hosting;

/// <summary>What the web host needs to know from the command line.</summary>
internal sealed record LindungHostOptions(string DataDirectory, string Urls, bool Demo);

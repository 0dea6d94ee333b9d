using System.CommandLine;
using Lindung.Cli;
using Lindung.Data;
using Lindung.Features.Demo;
using Lindung.Hosting;

namespace Lindung.Features.Home;

/// <summary><c>lindung serve [--urls URL] [--demo]</c>: runs the web application.</summary>
internal static class ServeCommand
{
    public const string DefaultUrl = "http://127.0.0.1:5080";

    public static Command Create(CliConsole console)
    {
        var urls = new Option<string>("--urls")
        {
            Description = "Address to listen on.",
            DefaultValueFactory = _ => DefaultUrl,
        };
        var demo = new Option<bool>("--demo") { Description = "Seed a demo region on first start." };

        var command = new Command("serve", "Run the web application.") { urls, demo };
        command.SetAction(async (parse, ct) =>
        {
            var options = new LindungHostOptions(
                DataDirectory: GlobalOptions.ResolveDataDirectory(parse),
                Urls: parse.GetValue(urls) ?? DefaultUrl,
                Demo: parse.GetValue(demo),
                Db: parse.GetValue(GlobalOptions.Db));
            var app = LindungWebApp.Build(options, []);
            await app.StartAsync(ct);
            var database = app.Services.GetRequiredService<DatabaseSettings>();
            if (app.Services.GetService<DemoSeedState>() is { Result: { } seeded } demoState)
            {
                await console.Out.WriteLineAsync(seeded.ToString());
                await console.Out.WriteLineAsync("Demo sign-ins (role, email, password):");
                foreach (var line in demoState.SignIns)
                {
                    await console.Out.WriteLineAsync(line);
                }
            }

            await console.Out.WriteLineAsync($"Lindung is running at {options.Urls} (data: {options.DataDirectory}, database: {database}). Press Ctrl+C to stop.");
            await app.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}

using Lindung.Cli;

return await LindungCli.RunAsync(args, CliConsole.System);

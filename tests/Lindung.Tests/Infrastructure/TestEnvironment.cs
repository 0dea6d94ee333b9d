namespace Lindung.Tests.Infrastructure;

/// <summary>
/// The external components the tests need, as provided by <c>./scripts/test.sh</c> through environment
/// variables. A missing or unreachable component is a test failure, never a skip: a green run must mean
/// every test really ran.
/// </summary>
public static class TestEnvironment
{
    public const string PostgresVariable = "LINDUNG_TEST_PG";
    public const string ChromiumVariable = "LINDUNG_TEST_CHROMIUM";
    public const string ArtifactsVariable = "LINDUNG_TEST_ARTIFACTS";

    private const string RunTheScript = "run ./scripts/test.sh which";

    /// <summary>Npgsql connection string for a superuser; tests create and drop their own databases.</summary>
    public static string PostgresConnectionString => Require(
        PostgresVariable,
        $"PostgreSQL is required: {RunTheScript} starts one, or set {PostgresVariable} to an Npgsql connection string for a superuser.");

    /// <summary>Path of the Chromium executable the browser tests drive.</summary>
    public static string ChromiumExecutable
    {
        get
        {
            var path = Require(
                ChromiumVariable,
                $"Chromium is required: {RunTheScript} installs it, or set {ChromiumVariable} to the chromium executable.");
            if (!File.Exists(path))
            {
                throw new InvalidOperationException(
                    $"Chromium is required: {ChromiumVariable}={path} does not exist; {RunTheScript} installs it.");
            }

            return path;
        }
    }

    /// <summary>Directory for screenshots and other files worth keeping from a run (created on demand).</summary>
    public static string ArtifactsDirectory
    {
        get
        {
            var path = Require(
                ArtifactsVariable,
                $"An artifacts directory is required: {RunTheScript} sets it, or set {ArtifactsVariable} to a writable directory.");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <summary>The error for a component that is configured but cannot be reached.</summary>
    public static InvalidOperationException Unreachable(string component, string detail, Exception? inner = null) =>
        new($"{component} is required but unreachable ({detail}): {RunTheScript} starts it, or fix the {component} settings.", inner);

    private static string Require(string variable, string message)
    {
        var value = Environment.GetEnvironmentVariable(variable);
        return string.IsNullOrWhiteSpace(value) ? throw new InvalidOperationException(message) : value;
    }
}

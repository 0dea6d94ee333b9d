using System.Diagnostics;
using System.Globalization;

namespace Lindung.Bench;

/// <summary>Best-of-N wall-clock timing, runs of the two contenders interleaved so drift hits both.</summary>
internal static class Measure
{
    public static async Task<(TimeSpan Ours, TimeSpan Peer, T OursResult, T PeerResult)> BestOfAsync<T>(
        int runs, Func<Task<T>> ours, Func<Task<T>> peer)
    {
        var bestOurs = TimeSpan.MaxValue;
        var bestPeer = TimeSpan.MaxValue;
        T oursResult = default!;
        T peerResult = default!;
        for (var run = 0; run < runs; run++)
        {
            GC.Collect();
            var watch = Stopwatch.StartNew();
            oursResult = await ours();
            bestOurs = Min(bestOurs, watch.Elapsed);

            GC.Collect();
            watch.Restart();
            peerResult = await peer();
            bestPeer = Min(bestPeer, watch.Elapsed);
        }

        return (bestOurs, bestPeer, oursResult, peerResult);
    }

    public static void Report(string job, int rows, TimeSpan ours, string peerName, TimeSpan peer)
    {
        var ratio = ours.TotalSeconds / peer.TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{job}: {rows:N0} rows | Lindung {ours.TotalMilliseconds:N0} ms ({rows / ours.TotalSeconds:N0} rows/s) | {peerName} {peer.TotalMilliseconds:N0} ms | ratio Lindung/{peerName} = {ratio:0.00}x"));
    }

    private static TimeSpan Min(TimeSpan a, TimeSpan b) => a < b ? a : b;
}

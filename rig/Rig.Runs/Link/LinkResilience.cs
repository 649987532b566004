using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;

namespace Rig.Runs.Link;

/// <summary>
/// The Polly v8 pipeline around one clip attempt: retry (resync first, bounded, every retry reported
/// through <paramref name="onRetry"/>) outside a circuit breaker that opens after consecutive
/// failures, so a dead board stops the run with a clear error instead of being retried forever.
/// Only link failures are handled; a refused request or a config hash mismatch passes straight through.
/// </summary>
public static class LinkResilience
{
    public static ResiliencePipeline Create(SessionOptions options, TimeProvider time, Action<int, Exception> onRetry)
    {
        var handled = new PredicateBuilder().Handle<BoardLinkException>();
        return new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = handled,
                MaxRetryAttempts = Math.Max(1, options.MaxRetries),
                Delay = options.RetryDelay,
                BackoffType = DelayBackoffType.Constant,
                OnRetry = args =>
                {
                    onRetry(args.AttemptNumber + 1, args.Outcome.Exception!);
                    return default;
                },
            })
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions
            {
                ShouldHandle = handled,
                FailureRatio = 1.0,
                MinimumThroughput = options.BreakAfterFailures,
                SamplingDuration = TimeSpan.FromMinutes(5),
                BreakDuration = TimeSpan.FromMinutes(5),
            })
            .Build();
    }
}

using BenchmarkDotNet.Running;

// dotnet run -c Release --project tests/Rig.Benchmarks -- --filter '*'
// Each area's benchmarks live in their own file in this project; the switcher finds them all.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

using System.Globalization;
using Rig.Audio.Importers;
using Rig.Audio.Wav;
using Rig.Core.Config;
using Rig.Core.Profiles;

namespace Rig.Cli.Commands;

/// <summary>
/// The options of `rig sounds`, checked once before anything is read or written. Every problem is
/// collected and thrown together as a <see cref="ConfigException"/> naming the option and the
/// reason (exit 2), so no bad value reaches the renderer, the importers or the file system.
/// </summary>
public sealed class SoundsOptions
{
    /// <summary>The highest rate clips are rendered or played at: above every board and ALSA's usual 192 kHz ceiling.</summary>
    public const int MaxRate = 192_000;

    private readonly string _command;
    private readonly List<ConfigError> _errors = [];

    public SoundsOptions(string command) => _command = "rig sounds " + command;

    public void Error(string option, string reason) => _errors.Add(new ConfigError(_command, 0, option, reason));

    public void ThrowIfErrors()
    {
        if (_errors.Count > 0) throw new ConfigException(_errors.ToList());
    }

    /// <summary>--rate if given (checked), else the profile's board rate, else <paramref name="fallback"/>.</summary>
    public int SampleRate(int? rate, string? profile, int fallback)
    {
        if (rate is { } r)
        {
            if (r < WavLimits.MinSampleRate || r > MaxRate)
                Error("--rate", $"{r} Hz is outside {WavLimits.MinSampleRate}..{MaxRate} Hz");
            return r;
        }
        return profile is null ? fallback : ProfileCatalog.Load(profile).Frontend.SampleRate;
    }

    /// <summary>A folder to write into: it may exist or not, but must not be a file.</summary>
    public string OutputFolder(string option, string path)
    {
        if (File.Exists(path)) Error(option, $"{path} is a file; give a folder to write the clips into");
        return path;
    }

    /// <summary>A file to (over)write: it must not be a folder, nor sit under a path that is a file.</summary>
    public string OutputFile(string option, string path)
    {
        if (Directory.Exists(path)) Error(option, $"{path} is a folder; give the playlist file to write, e.g. {Path.Combine(path, "import.yaml")}");
        for (var dir = Path.GetDirectoryName(path); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
            if (File.Exists(dir)) { Error(option, $"{dir} is a file, so {path} cannot be written"); break; }
        return path;
    }

    public string ExistingFolder(string argument, string path)
    {
        if (!Directory.Exists(path)) Error(argument, File.Exists(path) ? $"{path} is a file, not the dataset's folder" : $"{path}: folder not found");
        return path;
    }

    public ImportOptions Import(double maxSeconds, int? maxPerLabel)
    {
        var options = new ImportOptions(maxSeconds, maxPerLabel);
        foreach (var (option, reason) in options.Problems()) Error(option, reason);
        return options;
    }

    /// <summary>Runs a write, turning a file system refusal (permissions, a full disk) into an error naming the option.</summary>
    public static void Writing(string command, string option, string path, Action write)
    {
        try
        {
            write();
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException("rig sounds " + command, 0, option, $"cannot write {path}: {e.Message}");
        }
    }

    public static string Seconds(double s) => s.ToString("0.#", CultureInfo.InvariantCulture);
}

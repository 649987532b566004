using System.Runtime.InteropServices;

namespace Rig.Native;

/// <summary>
/// One profile's host build of firmware/core (librig_core_&lt;profile&gt;.so, built by this project's
/// cmake step and copied next to every referencing assembly). All profile libraries export the same
/// symbol names, so each is opened by path with NativeLibrary.Load and its functions are bound as
/// function pointers (<see cref="Export"/>), never by [DllImport] name.
/// </summary>
public sealed class RigCoreLibrary : IDisposable
{
    private nint _handle;

    public string Profile { get; }
    public string Path { get; }

    private RigCoreLibrary(string profile, string path, nint handle)
    {
        Profile = profile;
        Path = path;
        _handle = handle;
    }

    public static string FileName(string profile) => $"librig_core_{profile}.so";

    /// <summary>The library next to the running assemblies (RIG_NATIVE_DIR overrides the folder).</summary>
    public static string PathFor(string profile)
    {
        var dir = Environment.GetEnvironmentVariable("RIG_NATIVE_DIR");
        return System.IO.Path.Combine(string.IsNullOrEmpty(dir) ? AppContext.BaseDirectory : dir, FileName(profile));
    }

    public static RigCoreLibrary Load(string profile)
    {
        var path = PathFor(profile);
        if (!File.Exists(path))
            throw new FileNotFoundException($"{path}: no host build of the firmware core for profile '{profile}' (built by `dotnet build` of any project referencing Rig.Native; needs cmake and gcc)", path);
        return new RigCoreLibrary(profile, path, NativeLibrary.Load(path));
    }

    /// <summary>Address of an exported function; cast to the matching delegate* unmanaged type.</summary>
    public nint Export(string name)
    {
        ObjectDisposedException.ThrowIf(_handle == 0, this);
        if (!NativeLibrary.TryGetExport(_handle, name, out var address))
            throw new EntryPointNotFoundException($"{Path}: does not export {name}");
        return address;
    }

    public bool TryExport(string name, out nint address)
    {
        address = 0;
        return _handle != 0 && NativeLibrary.TryGetExport(_handle, name, out address);
    }

    public void Dispose()
    {
        // The library stays mapped for the process lifetime: several bindings may share it and
        // dlclose under a live function pointer would crash, so only the handle is forgotten.
        _handle = 0;
    }
}

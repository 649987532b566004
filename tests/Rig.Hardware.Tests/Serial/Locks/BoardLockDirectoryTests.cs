using Rig.Hardware.Serial.Locks;

namespace Rig.Hardware.Tests.Serial.Locks;

/// <summary>Where locks go: /var/lock by default, a writable --lock-dir, and the fallback with its note.</summary>
public sealed class BoardLockDirectoryTests : IDisposable
{
    private readonly TempDir _tmp = new();

    public void Dispose() => _tmp.Dispose();

    [Fact]
    public void A_writable_default_is_used_as_it_is_without_a_note()
    {
        var dir = BoardLockDirectory.Resolve(null, systemDefault: _tmp.Path);
        Assert.Equal(_tmp.Path, dir.Path);
        Assert.Null(dir.Note);
        Assert.Empty(Directory.GetFileSystemEntries(_tmp.Path));
    }

    [Fact]
    public void An_unusable_default_falls_back_with_a_note_that_says_why_where_and_what_to_do()
    {
        var notADir = _tmp.Write("var-lock", "a file where the lock directory should be");
        var fallback = _tmp.Sub("fallback");
        var dir = BoardLockDirectory.Resolve(null, systemDefault: notADir, fallback: fallback);
        Assert.Equal(fallback, dir.Path);
        Assert.True(Directory.Exists(fallback));
        Assert.Equal($"board locks: {notADir} is a file, not a directory; using {fallback}, which minicom and picocom do not look at " +
                     $"(make {notADir} writable for this user, e.g. add it to the group owning it, or pass --lock-dir)", dir.Note);
    }

    [Fact]
    public void A_given_lock_dir_that_cannot_hold_locks_is_refused_naming_it()
    {
        var missing = _tmp.Sub("nowhere");
        var e = Assert.Throws<IOException>(() => BoardLockDirectory.Resolve(missing));
        Assert.Equal($"--lock-dir {missing}: does not exist; give a writable directory", e.Message);
    }

    [Fact]
    public void Without_a_lock_dir_the_fhs_var_lock_is_used_or_the_note_names_it()
    {
        var dir = BoardLockDirectory.Resolve(null);
        if (dir.Note is null) Assert.Equal("/var/lock", dir.Path);
        else Assert.StartsWith("board locks: /var/lock ", dir.Note);
    }
}

using System.Text.RegularExpressions;
using Rig.Elf.Format;

namespace Rig.Elf.Tests;

/// <summary>Every board image carries a GNU build id in flash (the note HELLO reports), read as binutils reads it.</summary>
[Collection(BoardImagesCollection.Name)]
public sealed partial class BuildIdTests(BoardImages boards)
{
    [GeneratedRegex(@"Build ID: ([0-9a-f]+)")]
    private static partial Regex ReadelfBuildId();

    [Theory]
    [MemberData(nameof(RepoProfiles.All), MemberType = typeof(RepoProfiles))]
    public void Image_carries_the_build_id_readelf_prints_inside_a_loaded_flash_segment(string board)
    {
        var path = boards.Elf(board);
        var readelf = ReadelfBuildId().Match(Tool.Ok("arm-none-eabi-readelf", "-n", path));
        Assert.True(readelf.Success, "readelf -n shows no build id");
        var note = BuildIdNote.Read(path);
        Assert.NotNull(note);
        Assert.Equal(readelf.Groups[1].Value, note.Id);
        Assert.Equal(40, note.Id.Length); // sha1
        // The note is in flash (a PT_LOAD segment's file bytes), so the board and a programmer can read it.
        var elf = ElfFile.Load(path);
        var load = Assert.Single(elf.Segments, s => s.IsLoad && s.PhysicalAddress <= note.Address && note.Address + (ulong)note.NoteBytes <= s.PhysicalAddress + (ulong)s.FileSize);
        var bytes = elf.Contents(load)[(int)(note.Address - load.PhysicalAddress)..][..note.NoteBytes];
        Assert.Equal(note.Id, BuildIdNote.FromNotes(bytes));
    }

    [Fact]
    public void Notes_that_run_past_their_bytes_or_hold_no_gnu_id_give_none()
    {
        byte[] note = [4, 0, 0, 0, 4, 0, 0, 0, 3, 0, 0, 0, (byte)'G', (byte)'N', (byte)'U', 0, 0xDE, 0xAD, 0xBE, 0xEF];
        Assert.Equal("deadbeef", BuildIdNote.FromNotes(note));
        Assert.Null(BuildIdNote.FromNotes(note.AsSpan(0, note.Length - 1)));
        var other = note.ToArray();
        other[8] = 1; // NT_GNU_ABI_TAG
        Assert.Null(BuildIdNote.FromNotes(other));
        byte[] huge = [4, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF, 3, 0, 0, 0, (byte)'G', (byte)'N', (byte)'U', 0];
        Assert.Null(BuildIdNote.FromNotes(huge));
    }
}

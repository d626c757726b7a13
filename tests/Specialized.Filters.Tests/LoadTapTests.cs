using System;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// <see cref="IVectorOps{TVector, T}.LoadTap"/> builds taps from shared loads and lane shifts; it must give exactly
/// the lanes of a plain load, and read nothing the plain loads of the pass's taps would not read.
/// </summary>
public sealed class LoadTapTests
{
    private const int MaxReach = 70;

    [Fact]
    public void Every_tap_equals_a_plain_load_at_every_width()
    {
        float[] floats = Sequence<float>(i => i * 0.5f);
        short[] shorts = Sequence<short>(i => (short)(i * 37 - 1000));
        ushort[] ushorts = Sequence<ushort>(i => (ushort)(i * 911));
        uint[] uints = Sequence<uint>(i => (uint)i * 100_003u);
        for (int reach = 0; reach <= MaxReach; reach++)
        {
            for (int offset = 0; offset <= reach; offset++)
            {
                CheckAllWidths<float, float>(floats, offset, reach);
                CheckAllWidths<float, short>(shorts, offset, reach);
                CheckAllWidths<uint, ushort>(ushorts, offset, reach);
                CheckAllWidths<uint, uint>(uints, offset, reach);
                CheckAllWidths<ushort, byte>(Sequence<byte>(i => (byte)(i * 7)), offset, reach);
            }
        }
    }

    [Fact]
    public unsafe void Taps_read_nothing_past_the_reach_of_the_plain_loads()
    {
        // The last element a pass may read sits just before an inaccessible page: any read past it crashes.
        Assert.True(OperatingSystem.IsLinux(), "this test guards a page with mmap/mprotect (Linux)");
        nuint page = (nuint)Environment.SystemPageSize;
        byte* memory = Mmap(null, 2 * page, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
        Assert.True(memory != (byte*)-1, "mmap failed");
        try
        {
            Assert.Equal(0, Mprotect(memory + page, page, ProtNone));
            float* end = (float*)(memory + page);
            for (int reach = 0; reach <= MaxReach; reach++)
            {
                // Taps at 0..reach, each loading 16 lanes (Vector512<float>): elements [0, reach + 16) exist, no more.
                float* start = end - (reach + Vector512<float>.Count);
                for (int i = 0; i < reach + Vector512<float>.Count; i++)
                {
                    start[i] = i;
                }

                for (int offset = 0; offset <= reach; offset++)
                {
                    Vector512<float> tap = Vector512Ops<float>.LoadTap(ref *start, offset, reach);
                    Assert.Equal(Vector512.Create<float>(new ReadOnlySpan<float>(start + offset, Vector512<float>.Count)), tap);
                }
            }
        }
        finally
        {
            Munmap(memory, 2 * page);
        }
    }

    private static void CheckAllWidths<T, TIn>(TIn[] data, int offset, int reach)
        where T : unmanaged
        where TIn : unmanaged
    {
        ref TIn source = ref data[0];
        Assert.Equal(Vector512Ops<T>.Load(ref source, offset), Vector512Ops<T>.LoadTap(ref source, offset, reach));
        Assert.Equal(Vector256Ops<T>.Load(ref source, offset), Vector256Ops<T>.LoadTap(ref source, offset, reach));
        Assert.Equal(Vector128Ops<T>.Load(ref source, offset), Vector128Ops<T>.LoadTap(ref source, offset, reach));
        Assert.Equal(ScalarOps<T>.Load(ref source, offset), ScalarOps<T>.LoadTap(ref source, offset, reach));
    }

    private static T[] Sequence<T>(Func<int, T> element)
    {
        var data = new T[MaxReach + 64];
        for (int i = 0; i < data.Length; i++)
        {
            data[i] = element(i);
        }

        return data;
    }

    private const int ProtNone = 0;
    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapPrivate = 0x02;
    private const int MapAnonymous = 0x20;

    [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
    private static extern unsafe byte* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

    [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
    private static extern unsafe int Mprotect(void* address, nuint length, int protection);

    [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
    private static extern unsafe int Munmap(void* address, nuint length);
}

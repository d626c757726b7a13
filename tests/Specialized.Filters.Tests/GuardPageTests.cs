using System;
using System.Runtime.InteropServices;
using Specialized.Filters.Convolution;
using Specialized.Filters.Tests.Support;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// The passes read and write through unchecked vector loads and stores once their bounds are checked. Here the images
/// lie directly against inaccessible pages, first touching the page before them, then the page after them, and the
/// source is read-only: a single element read or written outside the images crashes the test run. Every element type,
/// channel count, generated and runtime kernels, the fused pass and the ring with each way of storing output, and two
/// threads; CI repeats it at every vector width.
/// </summary>
public sealed class GuardPageTests
{
    [Fact]
    public void Nothing_outside_the_images_is_read_or_written()
    {
        Assert.True(OperatingSystem.IsLinux(), "this test guards pages with mmap/mprotect (Linux)");
        var random = new Random(17);
        for (int i = 0; i < 80; i++)
        {
            int width = i < 8 ? new[] { 1, 2, 15, 16, 17, 64, 65, 257 }[i] : random.Next(1, 300);
            int height = random.Next(1, 50), channels = random.Next(1, 5);
            int ksize = new[] { 3, 5, 7, 9, 11, 13, 31 }[random.Next(7)];
            var border = (BorderMode)random.Next(5);
            var options = new FilterOptions(random.Next(1, 3))
            {
                UseGeneratedKernels = random.Next(2) == 0,
                OutputStores = random.Next(4) is int stores && stores < 3 ? (OutputStores)stores : null, // null: the engine chooses (the fused pass where it fits)
                FuseLargeWindows = true, // the fused pass wherever the kernel has one, whatever this machine's registers
            };
            bool atEnd = random.Next(2) == 0;
            Blur<byte>(width, height, channels, ksize, border, options, atEnd);
            Blur<ushort>(width, height, channels, ksize, border, options, atEnd);
            Blur<short>(width, height, channels, ksize, border, options, atEnd);
            Blur<float>(width, height, channels, ksize, border, options, atEnd);
            Blur<double>(width, height, channels, ksize, border, options, atEnd);
        }
    }

    private static unsafe void Blur<T>(int width, int height, int channels, int ksize, BorderMode border, FilterOptions options, bool atEnd)
        where T : unmanaged
    {
        int length = width * height * channels;
        using var source = new GuardedMemory(length * sizeof(T));
        using var destination = new GuardedMemory(length * sizeof(T));
        Span<T> src = source.Place<T>(length, atEnd);
        var random = new Random(length);
        for (int i = 0; i < src.Length; i++)
        {
            src[i] = TestImage<T>.RandomValue(random);
        }

        source.MakeReadOnly();
        Span<T> dst = destination.Place<T>(length, atEnd);
        Filters.GaussianBlur(new ImageView<T>(src, width, height, channels), new ImageSpan<T>(dst, width, height, channels), ksize, ksize, 0, 0, border, options);
    }

    /// <summary>Pages of memory between two inaccessible pages; an image is placed against one of them.</summary>
    private sealed unsafe class GuardedMemory : IDisposable
    {
        private const int ProtNone = 0, ProtRead = 1, ProtWrite = 2, MapPrivate = 0x02, MapAnonymous = 0x20;
        private readonly byte* _base;
        private readonly nuint _page;
        private readonly nuint _dataBytes;

        public GuardedMemory(int bytes)
        {
            _page = (nuint)Environment.SystemPageSize;
            _dataBytes = ((nuint)Math.Max(bytes, 1) + _page - 1) / _page * _page;
            _base = Mmap(null, _dataBytes + 2 * _page, ProtRead | ProtWrite, MapPrivate | MapAnonymous, -1, 0);
            Assert.True(_base != (byte*)-1, "mmap failed");
            Assert.Equal(0, Mprotect(_base, _page, ProtNone));
            Assert.Equal(0, Mprotect(_base + _page + _dataBytes, _page, ProtNone));
        }

        /// <summary><paramref name="length"/> elements starting right after the first guard page, or ending right before the last.</summary>
        public Span<T> Place<T>(int length, bool atEnd)
            where T : unmanaged
        {
            byte* start = atEnd ? _base + _page + _dataBytes - (nuint)(length * sizeof(T)) : _base + _page;
            return new Span<T>(start, length);
        }

        public void MakeReadOnly() => Assert.Equal(0, Mprotect(_base + _page, _dataBytes, ProtRead));

        public void Dispose() => Munmap(_base, _dataBytes + 2 * _page);

        [DllImport("libc", EntryPoint = "mmap", SetLastError = true)]
        private static extern byte* Mmap(void* address, nuint length, int protection, int flags, int fd, nint offset);

        [DllImport("libc", EntryPoint = "mprotect", SetLastError = true)]
        private static extern int Mprotect(void* address, nuint length, int protection);

        [DllImport("libc", EntryPoint = "munmap", SetLastError = true)]
        private static extern int Munmap(void* address, nuint length);
    }
}

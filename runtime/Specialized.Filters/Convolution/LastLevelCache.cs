using System;
using System.Runtime.Intrinsics.X86;

namespace Specialized.Filters.Convolution;

/// <summary>
/// The size of the largest cache the processor reports (its last level), read once with CPUID, the instruction the
/// operating system reads it with too; 0 where it cannot be read (not x86, or a processor that does not describe its
/// caches), which callers treat as a small cache. Used to decide whether an image's output would push its source out
/// of the cache (<see cref="BandLayout.ChooseOutput"/>). A virtual machine reports its host's cache, which other
/// tenants share: a hint, never a guarantee.
/// </summary>
internal static class LastLevelCache
{
    /// <summary>Bytes in the last-level cache, or 0 if unknown.</summary>
    public static long Bytes { get; } = Read();

    private static long Read()
    {
        if (!X86Base.IsSupported)
        {
            return 0;
        }

        (int maxLeaf, int vendorB, int vendorC, int vendorD) = X86Base.CpuId(0, 0);
        bool amd = vendorB == 0x68747541 && vendorD == 0x69746E65 && vendorC == 0x444D4163; // "AuthenticAMD"
        if (amd)
        {
            // AMD describes its caches in leaf 0x8000001D (with topology extensions), in the layout of Intel's leaf 4;
            // older processors give the L3 in 512 KB units in leaf 0x80000006.
            uint maxExtended = (uint)X86Base.CpuId(unchecked((int)0x80000000), 0).Eax;
            if (maxExtended >= 0x8000001D && (X86Base.CpuId(unchecked((int)0x80000001), 0).Ecx & (1 << 22)) != 0)
            {
                return LargestDescribed(unchecked((int)0x8000001D));
            }

            return maxExtended >= 0x80000006 ? ((uint)X86Base.CpuId(unchecked((int)0x80000006), 0).Edx >> 18) * 512L * 1024 : 0;
        }

        return maxLeaf >= 4 ? LargestDescribed(4) : 0;
    }

    /// <summary>
    /// The largest cache among those a deterministic cache-parameters leaf (Intel's 4, AMD's 0x8000001D) lists, one per
    /// subleaf until a subleaf of type 0: ways x partitions x line size x sets.
    /// </summary>
    private static long LargestDescribed(int leaf)
    {
        long largest = 0;
        for (int subleaf = 0; subleaf < 16; subleaf++)
        {
            (int eax, int ebx, int ecx, _) = X86Base.CpuId(leaf, subleaf);
            if ((eax & 0x1F) == 0)
            {
                break;
            }

            long ways = ((ebx >> 22) & 0x3FF) + 1;
            long partitions = ((ebx >> 12) & 0x3FF) + 1;
            long lineSize = (ebx & 0xFFF) + 1;
            long sets = (long)(uint)ecx + 1;
            largest = Math.Max(largest, ways * partitions * lineSize * sets);
        }

        return largest;
    }
}

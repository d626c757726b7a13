using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using Specialized.Filters.Convolution;
using Specialized.Filters.Generator.Emitting;
using Specialized.Filters.Generator.Planning;

namespace Specialized.Filters.Generator;

public sealed partial class KernelGenerator
{
    internal static partial class Emitter
    {
        /// <summary>
        /// The fused pass (<c>ISeparableKernel.FilterFused</c>): both passes at once for rows whose taps all lie inside
        /// the image. It walks down a few vectors' width of the image at a time, filters each source row horizontally
        /// once and keeps the last <c>KernelHeight</c> filtered rows in registers, so the column sums read nothing back
        /// from memory. It computes exactly what the row and column passes compute, in the same order.
        /// </summary>
        private static void EmitFusedPass(CodeWriter w, KernelPlan plan)
        {
            string src = plan.Element;
            string lane = plan.Lane;
            w.Line($"public bool HasFusedPass => {(plan.IsFused ? "true" : "false")};");
            w.Line();
            w.Line(FusedWindowProperty(plan));
            w.Line();
            w.Line(FusedBytePairsProperty(plan));
            w.Line();
            string parameters = $"global::System.ReadOnlySpan<{src}> source, int sourceStride, int channels, global::System.Span<{src}> destination, int destinationStride, int rows, int count, bool nonTemporal";
            if (!plan.IsFused)
            {
                w.Line("// No fused pass: its window of filtered rows would not fit the registers. The engine uses the row and column passes.");
                w.Line($"public void FilterFused({parameters}) => throw new global::System.NotSupportedException();");
                return;
            }

            w.Open($"public void FilterFused({parameters})");
            w.Line($"{Ops}.GeneratedKernels.CheckFused(source.Length, sourceStride, channels, {plan.X.Size}, {plan.Y.Size}, destination.Length, destinationStride, rows, count);");
            w.Line($"ref {src} input = ref {Marshal}.GetReference(source);");
            w.Line($"ref {src} output = ref {Marshal}.GetReference(destination);");
            EmitStoreModeSwitch(w, mode => $"FusedPass<{mode}>(ref input, sourceStride, channels, ref output, destinationStride, rows, count);", "an output streamed past the caches");
            w.Close();
            w.Line();
            w.Open($"private static void FusedPass<TMode>(ref {src} input, nint sourceStride, int channels, ref {src} output, nint destinationStride, int rows, int count) where TMode : struct, {Ops}.IStoreMode");
            EmitChannelSwitch(w, channels => $"FusedPass<{Ops}.{channels}, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
            w.Close();
            w.Line();
            w.Line("// Runs the rows at the widest vector width the hardware accelerates and the rows are long enough for.");
            w.Open($"private static void FusedPass<TChannels, TMode>(ref {src} input, nint sourceStride, ref {src} output, nint destinationStride, int rows, int count) where TChannels : struct, {Ops}.IChannelCount where TMode : struct, {Ops}.IStoreMode");
            EmitWidthDispatch(w, lane, width => $"FusedPass<{width.Ops}, {width.Vector}, TChannels, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
            w.Close();
            w.Line();

            if (plan.WideColumns)
            {
                bool pairs = HasWideBytePairs(plan);
                w.Line("// Exact 32-bit column sums where the hardware has them (vpmaddwd); split sums elsewhere (scalars, other CPUs).");
                if (pairs)
                {
                    w.Line("// One-channel images go in pairs of pixels where 32 vector registers hold both windows and all the weights.");
                }

                EmitFusedSignature(w, plan, "FusedPass");
                w.Line("{");
                if (pairs)
                {
                    w.Line("    if (TOps.HasWideSums && TOps.HasThirtyTwoRegisters && TChannels.Value == 1 && count >= 2 * TOps.Count)");
                    w.Line("    {");
                    w.Line("        WideBytePairFusedPass<TOps, TVector, TChannels, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
                    w.Line("    }");
                    w.Line("    else if (TOps.HasWideSums)");
                }
                else
                {
                    w.Line("    if (TOps.HasWideSums)");
                }

                w.Line("    {");
                w.Line("        WideFusedPass<TOps, TVector, TChannels, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
                w.Line("    }");
                w.Line("    else");
                w.Line("    {");
                w.Line("        SplitFusedPass<TOps, TVector, TChannels, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
                w.Line("    }");
                w.Line("}");
                w.Line();
                EmitFusedLoop(w, plan, FusedSums.Wide, "WideFusedPass");
                w.Line();
                EmitFusedLoop(w, plan, FusedSums.Split, "SplitFusedPass");
                if (pairs)
                {
                    w.Line();
                    EmitFusedLoop(w, plan, FusedSums.WideBytePairs, "WideBytePairFusedPass");
                }
            }
            else if (HasBytePairs(plan))
            {
                EmitFusedLoop(w, plan, FusedSums.Lane, "FusedPass");
                w.Line();
                EmitFusedLoop(w, plan, FusedSums.BytePairs, "BytePairFusedPass");
            }
            else
            {
                EmitFusedLoop(w, plan, X86Sums(plan), "FusedPass");
            }
        }

        /// <summary>
        /// Whether one-channel images get <see cref="FusedSums.BytePairs"/>: 8-bit sums that fit a lane, with windows at
        /// least two vectors wide (the pairs' even and odd windows take the place of two vectors'). Wide sums only with 32
        /// registers (<see cref="HasWideBytePairs"/>): with their weight pairs and start as well, 8UC1 5x5 sigma 1.2 in
        /// pairs spilled on AVX2's 16 and took 2723 µs against 1765 (Zen 1, 1920x1080). Nor other channel counts: in pairs with a load for each tap (no load serves
        /// two there), 8UC3 and 8UC4 3x3 and 5x5 gained 0-5% at most on Zen 1 (8UC4 5x5 lost 2%).
        /// </summary>
        private static bool HasBytePairs(KernelPlan plan) => plan.Element == "byte" && !plan.Split && FusedColumns(plan, FusedSums.Lane) >= 2;

        /// <summary>
        /// Whether one-channel images with wide sums get <see cref="FusedSums.WideBytePairs"/> where the hardware has 32
        /// vector registers (<c>IVectorOps.HasThirtyTwoRegisters</c>): radii up to <see cref="BytePairWeights.MaxRadius"/>
        /// and neighbouring horizontal weights that one pmaddubsw applies exactly, the same rule as the runtime's fused
        /// pass. Intel Emerald Rapids (AVX-512), 1920x1080 8UC1, one vector at a time / in pairs: 5x5 sigma 1.2 466 / 352
        /// µs, 7x7 about 620 / 380.
        /// </summary>
        private static bool HasWideBytePairs(KernelPlan plan) =>
            plan.WideColumns && Math.Max(plan.X.Radius, plan.Y.Radius) <= BytePairWeights.MaxRadius(wide: true)
            && BytePairWeights.NeighboursFit(plan.X.ReducedWeights);

        /// <summary>How the fused pass sums its columns on x86: wide sums where the kernel has them (vpmaddwd is everywhere there).</summary>
        private static FusedSums X86Sums(KernelPlan plan) => plan.WideColumns ? FusedSums.Wide : plan.Split ? FusedSums.Split : FusedSums.Lane;

        /// <summary>
        /// <c>ISeparableKernel.FusedWindowVectors</c>: the vectors of filtered rows the fused pass keeps in registers on
        /// x86 with 16 vector registers. The engine runs the pass only where they fit the machine's registers; with 32 every
        /// window fits, and some passes walk wider (<see cref="TwoColumnsOnThirtyTwoRegisters"/>).
        /// </summary>
        private static string FusedWindowProperty(KernelPlan plan)
        {
            if (!plan.IsFused)
            {
                return "public int FusedWindowVectors => 0;";
            }

            FusedSums sums = X86Sums(plan);
            int columns = FusedColumns(plan, sums);
            bool split = sums == FusedSums.Split;
            string how = (columns == 1 ? string.Empty : $", {columns} vectors wide") + (split ? ", a window for each half of the split sums" : string.Empty);
            return $"public int FusedWindowVectors => {plan.Y.Size * columns * (split ? 2 : 1)}; // {plan.Y.Size} row{(plan.Y.Size == 1 ? string.Empty : "s")}{how}";
        }

        /// <summary>
        /// <c>ISeparableKernel.FusedBytePairs</c>: whether the fused pass stores one-channel images in pairs of pixels at
        /// the widest vector width, which the engine then streams straight from the pass.
        /// </summary>
        private static string FusedBytePairsProperty(KernelPlan plan) =>
            plan.IsFused && HasBytePairs(plan) ? "public bool FusedBytePairs => true; // one-channel images in pairs of pixels"
            : plan.IsFused && HasWideBytePairs(plan) ? $"public bool FusedBytePairs => {Ops}.Vector512Ops<ushort>.HasWideSums && {Ops}.Vector512Ops<ushort>.HasThirtyTwoRegisters; // in pairs of pixels where 32 registers hold them"
            : "public bool FusedBytePairs => false;";

        /// <summary>The signature of a fused pass at one vector width: <paramref name="method"/>&lt;TOps, TVector, TChannels, TMode&gt;.</summary>
        private static void EmitFusedSignature(CodeWriter w, KernelPlan plan, string method)
        {
            w.Line($"private static void {method}<TOps, TVector, TChannels, TMode>(ref {plan.Element} input, nint sourceStride, ref {plan.Element} output, nint destinationStride, int rows, int count)");
            w.Line($"    where TOps : struct, {Ops}.IVectorOps<TVector, {plan.Lane}>");
            w.Line("    where TVector : struct");
            w.Line($"    where TChannels : struct, {Ops}.IChannelCount");
            w.Line($"    where TMode : struct, {Ops}.IStoreMode");
        }

        /// <summary>How a fused pass sums its columns.</summary>
        private enum FusedSums
        {
            /// <summary>In the lanes, rounded and shifted back (float sums: as they are).</summary>
            Lane,

            /// <summary>Integer sums too wide for a lane: a window for each half of the row sums, recombined.</summary>
            Split,

            /// <summary>Integer sums too wide for a lane, summed exactly in 32 bits (<c>IVectorOps.HasWideSums</c>).</summary>
            Wide,

            /// <summary>
            /// As <see cref="Lane"/>, for one-channel 8-bit images: each load's 16-bit lanes hold two neighbouring pixels,
            /// split into a row of the even pixels and one of the odd, summed apart and put back together by the store;
            /// no widening loads or narrowing stores, and one load serves two taps.
            /// </summary>
            BytePairs,

            /// <summary>
            /// As <see cref="BytePairs"/> for the rows and as <see cref="Wide"/> for the columns: each of the even and the
            /// odd pixels' row sums has a window and 32-bit column sums; the odd ones are narrowed into the high bytes.
            /// </summary>
            WideBytePairs,
        }

        /// <summary>The fused pass's loop over the rows for one way of summing the columns.</summary>
        private static void EmitFusedLoop(CodeWriter w, KernelPlan plan, FusedSums sums, string method)
        {
            string src = plan.Element;
            string lane = plan.Lane;
            bool sameWeights = DistinctWeights(plan, plan.X).SequenceEqual(DistinctWeights(plan, plan.Y));
            string weightsX = sameWeights ? "w" : "wx";
            bool wideSums = sums is FusedSums.Wide or FusedSums.WideBytePairs;
            string weightsY = sameWeights || wideSums ? "w" : "wy";
            int window = plan.Y.Size;
            bool twoOnThirtyTwo = TwoColumnsOnThirtyTwoRegisters(plan, sums);
            int columns = twoOnThirtyTwo ? 2 : FusedColumns(plan, sums);
            string wide = twoOnThirtyTwo ? "2 vectors wide where the hardware has 32 vector registers (one otherwise)" : columns == 1 ? "one vector wide" : $"{columns} vectors wide";
            w.Line($"// Both passes at once, {wide}, walking down the rows: each source row is filtered horizontally");
            w.Line($"// once and kept in registers for the {window} output rows that use it. Horizontal {DescribeWeights(plan, plan.X)};");
            w.Line(sameWeights ? "// vertical: the same." : $"// vertical {DescribeWeights(plan, plan.Y)}.");
            if (wideSums)
            {
                w.Line(WideComment(plan));
            }

            bool pairs = sums is FusedSums.BytePairs or FusedSums.WideBytePairs;
            if (pairs)
            {
                string[] loads = Enumerable.Range(0, plan.X.Radius + 1).Select(q => (2 * q).ToString(CultureInfo.InvariantCulture)).ToArray();
                string loaded = string.Join(", ", loads.Take(loads.Length - 1)) + " and " + loads[loads.Length - 1];
                w.Line("// One channel, pixels in pairs: the lanes of a load of 2 * TOps.Count bytes hold the even pixels in their low halves");
                w.Line($"// and the odd ones in their high halves. The loads at bytes {loaded} hold taps 2q and 2q + 1 of the even pixels and");
                w.Line("// taps 2q - 1 and 2q of the odd ones; one MultiplyAddBytePairs (pmaddubsw) weights both bytes of a lane and adds");
                w.Line("// them, an and or a shift takes one byte alone. No widening or narrowing.");
            }

            w.Line(OwnMethod);
            EmitFusedSignature(w, plan, method);
            w.Line("{");
            if (HasBytePairs(plan) && !pairs)
            {
                w.Line("    if (TChannels.Value == 1 && count >= 2 * TOps.Count)");
                w.Line("    {");
                w.Line("        BytePairFusedPass<TOps, TVector, TChannels, TMode>(ref input, sourceStride, ref output, destinationStride, rows, count);");
                w.Line("        return;");
                w.Line("    }");
                w.Line();
            }

            if (!pairs)
            {
                w.Line("    nint c = TChannels.Value;");
            }

            // Pairs of pixels weight their taps with constants of their own (BytePairLocals), binomial columns need none.
            bool cascade = RunningSums(plan, sums);
            IEnumerable<string> locals = pairs && (!sameWeights || cascade || wideSums) ? [] : WeightLocals(plan, plan.X, weightsX);
            if (!sameWeights && !wideSums && !cascade)
            {
                locals = locals.Concat(WeightLocals(plan, plan.Y, weightsY));
            }

            locals = locals.Concat(sums switch
            {
                FusedSums.Split => SplitLocals(plan),
                FusedSums.Wide => WideLocals(plan),
                FusedSums.BytePairs => RoundingLocals(plan).Concat(BytePairLocals(plan)),
                FusedSums.WideBytePairs => WideLocals(plan).Concat(BytePairLocals(plan)),
                _ => RoundingLocals(plan),
            });
            foreach (string line in locals)
            {
                w.Line("    " + line);
            }

            string[] names = new[] { "a", "b", "c", "d" }.Take(columns).ToArray();
            // Where vector k's bytes start; a pair of vectors (the even and the odd pixels) comes from one load's bytes.
            string Columns(int k) => pairs ? (k < 2 ? "x" : $"x + {k / 2 * 2} * TOps.Count") : k == 0 ? "x" : k == 1 ? "x + TOps.Count" : $"x + {k} * TOps.Count";
            if (columns > 1)
            {
                string step = pairs ? "2 * TOps.Count" : "TOps.Count";
                w.Line("    nint x = 0;");
                w.Line($"    for (; {(twoOnThirtyTwo ? "TOps.HasThirtyTwoRegisters && " : string.Empty)}x <= count - {columns} * TOps.Count; x += {columns} * TOps.Count)");
                EmitFusedColumns(w, "    ", plan, sums, names, Columns, weightsX, weightsY, isLast: false);
                w.Line();
                w.Line("    if (x < count)");
                w.Line("    {");
                w.Line($"        // The rest one {(pairs ? "pair of vectors" : "vector")} at a time, the last one moved back to end exactly at count.");
                w.Line($"        nint last = count - {step};");
                w.Line($"        for (x = x < last ? x : last; ; x = x + {step} < last ? x + {step} : last)");
                EmitFusedColumns(w, "        ", plan, sums, pairs ? ["a", "b"] : ["a"], Columns, weightsX, weightsY, isLast: true);
                w.Line("    }");
            }
            else
            {
                w.Line("    // One vector at a time, the last one moved back to end exactly at count.");
                w.Line("    nint last = count - TOps.Count;");
                w.Line("    for (nint x = 0; ; x = x + TOps.Count < last ? x + TOps.Count : last)");
                EmitFusedColumns(w, "    ", plan, sums, names, Columns, weightsX, weightsY, isLast: true);
            }

            w.Line("}");
        }

        /// <summary>
        /// Vectors side by side in a fused pass, each with its own window (independent work for the core): as many as
        /// the registers hold with the weights, within the JIT's inlining budget. Wide sums take one: their pairs of
        /// weights, start and offset leave too few of AVX2's 16 registers for two windows, and two spilled (Zen 1, 8-bit
        /// 5x5 sigma 1.2, one instead of two: 0.91-0.94x the time), as the runtime's one-vector walk had shown.
        /// </summary>
        private static int FusedColumns(KernelPlan plan, FusedSums sums) =>
            sums == FusedSums.Wide ? 1
            : sums == FusedSums.WideBytePairs ? 2 // the even pixels and the odd
            : sums == FusedSums.Split ? (plan.Y.Radius <= 2 && 2 * (plan.X.Size + 2 * plan.Y.Size) <= KernelPlan.MaxLoadsPerStep ? 2 : 1) // a window for each half
            : plan.Y.Radius <= 1 && 4 * (plan.X.Size + plan.Y.Size) <= KernelPlan.MaxLoadsPerStep ? 4
            : plan.Y.Radius <= 2 && 2 * (plan.X.Size + plan.Y.Size) <= KernelPlan.MaxLoadsPerStep ? 2
            : 1;

        /// <summary>
        /// Whether a kernel that <see cref="FusedColumns"/> walks one vector wide walks two where the hardware has 32 vector
        /// registers (<c>IVectorOps.HasThirtyTwoRegisters</c>, a constant to the JIT; one otherwise, where two windows would
        /// spill): lane sums whose two windows, weights and a few temporaries fit 32 registers, up to 11x11 (the largest
        /// step measured; DOTNET_JitDisasm shows no calls in its loop). Each step then asks for two lines of every row
        /// instead of one, and the rows' costs are shared by two vectors. Measured on an Intel Emerald Rapids, 1920x1080
        /// one channel, generated kernels, one / two vectors wide, min of 5 in each of 3 processes: 32FC1 7x7 980-1007 /
        /// 743-756 µs, 9x9 1104-1127 / 950-972, 11x11 1214-1290 / 1105-1137; 64FC1 7x7 2296-2349 / 1820-1843, 9x9
        /// 2714-2808 / 2094-2198; 16SC1 (float lanes) 7x7 and 9x9 2-5% faster. 32FC1 13x13 sigma 2, whose windows would
        /// not fit, took 1946-2042 against 1450-1465; with AVX-512 off nothing changes (7x7 1590-1622 / 1595-1603).
        /// Also wide (32-bit) column sums of 5-row windows: builds alternating, min of 3-5 in each of 3 processes,
        /// 7680x4320 8UC3 5x5 sigma 1.2 27.6-28.4 / 26.1-26.5 ms, 8UC4 37.3-38.1 / 34.2-34.7; 1920x1080 8UC3 1347-1397 /
        /// 1321-1355 µs, 8UC4 1761-1839 / 1739-1770. Not for wider windows: 8UC4 7x7 spilled, 13x13 sigma 2 was slower.
        /// </summary>
        private static bool TwoColumnsOnThirtyTwoRegisters(KernelPlan plan, FusedSums sums)
        {
            bool fiveRowWideSums = sums == FusedSums.Wide && plan.Y.Radius <= 2;
            if ((sums != FusedSums.Lane && !fiveRowWideSums) || FusedColumns(plan, sums) != 1 || 2 * (plan.X.Size + plan.Y.Size) > MaxLoadsPerTwoColumnStep)
            {
                return false;
            }

            bool sameWeights = DistinctWeights(plan, plan.X).SequenceEqual(DistinctWeights(plan, plan.Y));
            int weights = plan.X.Radius + 1 + (sameWeights ? 0 : plan.Y.Radius + 1);
            return 2 * plan.Y.Size + weights + FusedTemporaries <= 32;
        }

        /// <summary>Loads in a step of two 11x11 vectors: the largest two-vector step measured (<see cref="TwoColumnsOnThirtyTwoRegisters"/>).</summary>
        private const int MaxLoadsPerTwoColumnStep = 44;

        /// <summary>Registers a fused step needs besides its windows and weights: a sum, a pair of taps, a load.</summary>
        private const int FusedTemporaries = 3;

        /// <summary>The constants of split sums: the row sums' low half, and those of the recombination.</summary>
        private static IEnumerable<string> SplitLocals(KernelPlan plan) =>
            new[] { $"TVector lowMask = TOps.Broadcast({LaneLiteral(plan, (1L << plan.DataBits) - 1)});" }.Concat(FractionLocals(plan));

        /// <summary>
        /// The body of one step across: the window of filtered rows named <c>a0</c> (top) to <c>a{2r}</c> (the row
        /// entering at the bottom) for the first vector, <c>b0</c>... for the second, moved down one row per source row;
        /// the first 2r rows only fill it. Split sums keep the high halves in <c>a0</c>... and the low halves in
        /// <c>la0</c>....
        /// </summary>
        private static void EmitFusedColumns(
            CodeWriter w, string indent, KernelPlan plan, FusedSums sums, string[] names, Func<int, string> columns, string weightsX, string weightsY, bool isLast)
        {
            string src = plan.Element;
            int top = 2 * plan.Y.Radius;
            string inner = indent + "    ";
            bool split = sums == FusedSums.Split;
            bool cascade = RunningSums(plan, sums);
            string[] windows = split ? names.SelectMany(name => new[] { name, "l" + name }).ToArray() : names;
            IEnumerable<string> Entering(int k)
            {
                if (sums == FusedSums.BytePairs)
                {
                    return PairEntering(plan, names, k, columns, top);
                }

                if (sums == FusedSums.WideBytePairs)
                {
                    return k % 2 == 1 || !plan.WideOffset ? PairEntering(plan, names, k, columns, top) : PairEntering(plan, names, k, columns, top).Concat(
                    [
                        $"{names[k]}{top} = TOps.Add({names[k]}{top}, flip); // minus 2^{plan.Wide.OffsetBits}: a signed 16-bit lane",
                        $"{names[k + 1]}{top} = TOps.Add({names[k + 1]}{top}, flip);",
                    ]);
                }

                bool offset = sums == FusedSums.Wide && plan.WideOffset;
                string sum = split || offset ? "s" + names[k] + top : names[k] + top;
                IEnumerable<string> lines = DotLines(plan, plan.X, t => $"TOps.Load<{src}>(ref input, below + {columns(k)}{(t == 0 ? string.Empty : $" + {t} * c")})", sum, weightsX);
                if (offset)
                {
                    lines = lines.Concat([$"TVector {names[k]}{top} = TOps.Add({sum}, flip); // minus 2^{plan.Wide.OffsetBits}: a signed 16-bit lane"]);
                }

                if (split)
                {
                    lines = lines.Concat(
                    [
                        $"TVector {names[k]}{top} = TOps.ShiftRightLogical({sum}, {plan.DataBits}); // high half",
                        $"TVector l{names[k]}{top} = TOps.And({sum}, lowMask); // low half",
                    ]);
                }

                if (k > 0)
                {
                    return lines.Select(WithoutComment);
                }

                // One hint per row and step, for the lines of a step a few to the right (WalkPrefetch in the runtime).
                string step = names.Length == 1 ? "TOps.Count" : $"{names.Length} * TOps.Count";
                string prefetch = $"{Ops}.GeneratedKernels.PrefetchAhead(ref input, below + {columns(names.Length)} + {2 * plan.X.Radius} * c, {step} * sizeof({src})); // lines of a step to come";
                return new[] { prefetch }.Concat(lines);
            }

            w.Line(indent + "{");
            if (top > 0)
            {
                // The first rows only fill the window: one loop body for them and the rest keeps the method within the
                // JIT's inlining budget, which a separate fill of the window (2r more row sums, unrolled) overran.
                w.Line(inner + (cascade
                    ? $"// The window as running sums of the last filtered rows, binomially weighted: {windows[0]}0 the last row, {windows[0]}1 the last two added{(top > 2 ? $", ..., {windows[0]}{top - 1} the last {top} ({Binomials(top - 1)})" : string.Empty)}; {windows[0]}{top} the row entering."
                    : $"// The window of filtered rows: {windows[0]}0 at the top ... {windows[0]}{top}, the row entering at the bottom."));
                foreach (string name in windows)
                {
                    w.Line(inner + "TVector " + string.Join(", ", Enumerable.Range(0, top).Select(j => $"{name}{j} = default")) + ";");
                }
            }

            w.Line(inner + "nint below = 0; // the source row entering the window");
            w.Line(inner + $"for (nint y = {(top == 0 ? "0" : $"-{top}")}; y < rows; y++, below += sourceStride)");
            w.Line(inner + "{");
            string body = inner + "    ";
            for (int k = 0; k < names.Length; k++)
            {
                foreach (string line in Entering(k))
                {
                    w.Line(body + line);
                }
            }

            for (int k = 0; k < names.Length && cascade; k++)
            {
                string n = names[k];
                for (int level = 1; level < top; level++)
                {
                    string below = level == 1 ? $"{n}{top}" : $"{n}s{level - 1}";
                    w.Line(body + $"TVector {n}s{level} = TOps.Add({n}{level - 1}, {below});{(k == 0 && level == 1 ? " // the running sums of the rows down to the entering one" : string.Empty)}");
                }
            }

            string outputIndent = body;
            if (top > 0)
            {
                w.Line(body + $"if (y >= 0) // the first {top} rows only fill the window");
                w.Line(body + "{");
                outputIndent = body + "    ";
            }

            // Cached output lines a few steps ahead too, whose stores would otherwise each wait for the line (streamed
            // stores need none, and a prefetched line would only be evicted again).
            w.Line(outputIndent + "if (!TMode.NonTemporal)");
            w.Line(outputIndent + "{");
            w.Line(outputIndent + $"    {Ops}.GeneratedKernels.PrefetchAhead(ref output, y * destinationStride + {columns(names.Length)}, {(names.Length == 1 ? "TOps.Count" : $"{names.Length} * TOps.Count")} * sizeof({src})); // output lines of a step to come");
            w.Line(outputIndent + "}");
            w.Line();

            for (int k = 0; k < names.Length && split; k++)
            {
                string n = names[k];
                foreach (string line in DotLines(plan, plan.Y, j => n + j, "high" + n, weightsY).Concat(DotLines(plan, plan.Y, j => "l" + n + j, "low" + n, weightsY)))
                {
                    w.Line(outputIndent + (k == 0 && line.Contains("TVector high") ? line : WithoutComment(line)));
                }

                if (k == 0)
                {
                    w.Line(outputIndent + SplitComment(plan));
                }

                w.Line(outputIndent + SplitFraction(plan, n));
                w.Line(outputIndent + $"TOps.Store<{src}>({SplitResult(plan, n)}, ref output, y * destinationStride + {columns(k)}, TMode.NonTemporal);");
            }

            for (int k = 0; k < names.Length && sums == FusedSums.Wide; k++)
            {
                string n = names[k];
                foreach (string line in WideLines(plan, j => n + j, n))
                {
                    w.Line(outputIndent + (k == 0 ? line : WithoutComment(line)));
                }

                w.Line(outputIndent + $"TOps.Store<{src}>(TOps.WideNarrow(lower{n}, upper{n}, {plan.Shift}), ref output, y * destinationStride + {columns(k)}, TMode.NonTemporal);{(k == 0 ? " // round half up" : string.Empty)}");
            }

            for (int k = 0; k < names.Length && sums == FusedSums.BytePairs; k += 2)
            {
                string even = "sum" + names[k], odd = "sum" + names[k + 1];
                IEnumerable<string> evenLines = ColumnLines(plan, names[k], even, weightsY, cascade);
                foreach (string line in (k == 0 ? evenLines : evenLines.Select(WithoutComment)).Concat(ColumnLines(plan, names[k + 1], odd, weightsY, cascade).Select(WithoutComment)))
                {
                    w.Line(outputIndent + line);
                }

                string pair = $"TOps.MergeBytePairs({Rounded(plan, even)}, {RoundedIntoHighByte(plan, odd)})";
                w.Line(outputIndent + $"TOps.StoreBytePairs({pair}, ref output, y * destinationStride + {columns(k)}, TMode.NonTemporal);{(k == 0 ? " // rounded half up; the odd pixels back in the high halves" : string.Empty)}");
            }

            for (int k = 0; k < names.Length && sums == FusedSums.WideBytePairs; k += 2)
            {
                string even = names[k], odd = names[k + 1];
                foreach (string line in WideLines(plan, j => even + j, even).Concat(WideLines(plan, j => odd + j, odd).Select(WithoutComment)))
                {
                    w.Line(outputIndent + (k == 0 ? line : WithoutComment(line)));
                }

                string pair = $"TOps.MergeBytePairs(TOps.WideNarrow(lower{even}, upper{even}, {plan.Shift}), TOps.WideNarrow(lower{odd}, upper{odd}, {plan.Shift - 8}))";
                w.Line(outputIndent + $"TOps.StoreBytePairs({pair}, ref output, y * destinationStride + {columns(k)}, TMode.NonTemporal);{(k == 0 ? " // round half up; the odd pixels' results, narrowed 8 bits less, in the high bytes" : string.Empty)}");
            }

            for (int k = 0; k < names.Length && sums == FusedSums.Lane; k++)
            {
                string sum = "sum" + names[k];
                foreach (string line in ColumnLines(plan, names[k], sum, weightsY, cascade))
                {
                    w.Line(outputIndent + (k == 0 ? line : WithoutComment(line)));
                }

                w.Line(outputIndent + $"TOps.Store<{src}>({Rounded(plan, sum)}, ref output, y * destinationStride + {columns(k)}, TMode.NonTemporal);{(k == 0 ? RoundedComment(plan) : string.Empty)}");
            }

            if (top > 0)
            {
                w.Line(body + "}");
                w.Line();
                foreach (string name in windows)
                {
                    IEnumerable<string> moves = cascade
                        ? Enumerable.Range(0, top).Select(j => $"{name}{j} = {(j == 0 ? $"{name}{top}" : $"{name}s{j}")};")
                        : Enumerable.Range(0, top).Select(j => $"{name}{j} = {name}{j + 1};");
                    w.Line(body + string.Join(" ", moves) + (name == windows[0] ? " // the window moves down a row" : string.Empty));
                }
            }

            w.Line(inner + "}");
            if (isLast)
            {
                w.Line();
                w.Line(inner + "if (x == last)");
                w.Line(inner + "{");
                w.Line(inner + "    break;");
                w.Line(inner + "}");
            }

            w.Line(indent + "}");
        }

        /// <summary>
        /// The constants of wide column sums: the weight pairs (<c>IVectorOps.WideMultiplyAddLower</c>), the sums' start
        /// (the rounding, plus 2^15 times the vertical kernel's sum where rows are offset), and the offset itself.
        /// </summary>
        private static IEnumerable<string> WideLocals(KernelPlan plan)
        {
            var groups = WideGroups(plan, j => "v" + j);
            for (int g = 0; g < groups.Count; g++)
            {
                (_, int w0, _, int w1) = groups[g];
                yield return $"TVector pair{g} = TOps.WideBroadcast({Literals.Int(((long)w1 << 16) | (uint)w0)}); // weights {w0} and {w1}";
            }

            yield return $"TVector start = TOps.WideBroadcast({Literals.Int(plan.Wide.Start)}); // 2^{plan.Shift - 1}{(plan.WideOffset ? $" + 2^{plan.Wide.OffsetBits} * 2^{plan.Y.SumBits}" : string.Empty)}";
            if (plan.WideOffset)
            {
                yield return $"TVector flip = TOps.Broadcast({LaneLiteral(plan, plan.Wide.RowBias)}); // -2^{plan.Wide.OffsetBits} in 16 bits";
            }
        }

        /// <summary>
        /// The terms of a wide column sum, two to a group with their weights: where twice a row sum fits a signed lane
        /// (<see cref="KernelPlan.WidePairs"/>, offset where needed), the centre row and the sums of mirrored rows;
        /// otherwise each row on its own (offset, <see cref="KernelPlan.WideOffset"/>). An odd term out is paired with zero.
        /// </summary>
        private static List<(string First, int Weight0, string Second, int Weight1)> WideGroups(KernelPlan plan, Func<int, string> row)
        {
            int r = plan.Y.Radius;
            int[] weights = plan.Y.ReducedWeights;
            var terms = new List<(string Term, int Weight)> { (row(r), weights[r]) };
            for (int d = 1; d <= r; d++)
            {
                if (plan.WidePairs)
                {
                    terms.Add(($"TOps.Add({row(r - d)}, {row(r + d)})", weights[r - d]));
                }
                else
                {
                    terms.Add((row(r - d), weights[r - d]));
                    terms.Add((row(r + d), weights[r - d]));
                }
            }

            var groups = new List<(string, int, string, int)>();
            for (int i = 0; i < terms.Count; i += 2)
            {
                groups.Add(i + 1 < terms.Count ? (terms[i].Term, terms[i].Weight, terms[i + 1].Term, terms[i + 1].Weight) : (terms[i].Term, terms[i].Weight, "default", 0));
            }

            return groups;
        }

        /// <summary>The statements summing one vector's column into <c>lower</c>/<c>upper</c> + <paramref name="suffix"/>, exactly in 32 bits.</summary>
        private static IEnumerable<string> WideLines(KernelPlan plan, Func<int, string> row, string suffix)
        {
            var groups = WideGroups(plan, row);
            for (int g = 0; g < groups.Count; g++)
            {
                (string first, _, string second, _) = groups[g];
                string from = g == 0 ? "start" : "lower" + suffix;
                yield return $"{(g == 0 ? "TVector " : string.Empty)}lower{suffix} = TOps.WideMultiplyAddLower({from}, {first}, {second}, pair{g});{(g == 0 ? " // 32-bit sums of the lower and upper lanes" : string.Empty)}";
                from = g == 0 ? "start" : "upper" + suffix;
                yield return $"{(g == 0 ? "TVector " : string.Empty)}upper{suffix} = TOps.WideMultiplyAddUpper({from}, {first}, {second}, pair{g});";
            }
        }

        /// <summary>
        /// Whether a fused pass sums its columns as running sums: binomial columns (1 2 1, 1 4 6 4 1), where level j + 1
        /// of the running sums is level j of the entering row plus that of the row before (Pascal's rule), so an output
        /// row costs 2r adds and no multiply; lane and byte-pair sums only (split and wide sums never have such weights).
        /// </summary>
        private static bool RunningSums(KernelPlan plan, FusedSums sums) =>
            plan.Y.IsBinomial && (sums == FusedSums.Lane || sums == FusedSums.BytePairs);

        /// <summary>
        /// The statements summing the column of window <paramref name="name"/> into <paramref name="sum"/>: the weighted
        /// rows, or for binomial weights (<paramref name="cascade"/>) the top level of the running sums plus the one the
        /// entering row completes.
        /// </summary>
        private static IEnumerable<string> ColumnLines(KernelPlan plan, string name, string sum, string weightsY, bool cascade)
        {
            int top = 2 * plan.Y.Radius;
            return cascade
                ? [$"TVector {sum} = TOps.Add({name}{top - 1}, {name}s{top - 1}); // weights {string.Join(" ", plan.Y.ReducedWeights)}"]
                : DotLines(plan, plan.Y, j => name + j, sum, weightsY);
        }

        /// <summary>
        /// A lane sum of 8-bit pixels rounded with its result in the high byte: shifted left by 8 - shift instead of right
        /// by shift and then left by 8 (the low bits below it are left for <c>MergeBytePairs</c> to drop). Exact: the
        /// rounded sum stays below 2^(8 + shift). Zen 1, 1920x1080 8UC1, against the shifts and an add: 5x5 (shift 8, no
        /// shift at all) 0.93-0.97x the time, 3x3 0.99-1.01x; the runtime, whose shift is a variable, gained nothing.
        /// </summary>
        private static string RoundedIntoHighByte(KernelPlan plan, string sum)
        {
            string rounding = plan.Shift > 0 ? $"TOps.Add({sum}, half)" : sum;
            return plan.Shift == 8 ? rounding : $"TOps.ShiftLeft({rounding}, {8 - plan.Shift})";
        }

        private static string Binomials(int n) => string.Join(" ", AxisPlan.BinomialCoefficients(n));

        private static string WideComment(KernelPlan plan) =>
            plan.WidePairs && plan.WideOffset ? $"// Column sums exact in 32 bits: each row sum (at most {255 << plan.X.SumBits}) offset by -2^{plan.Wide.OffsetBits}, so that mirrored rows added fit a signed 16-bit lane, then weighted in pairs; the start adds the offset back."
            : plan.WidePairs ? $"// Column sums exact in 32 bits: mirrored rows added (twice a row sum, at most {2 * (255 << plan.X.SumBits)}, fits a signed 16-bit lane), then weighted in pairs."
            : plan.WideOffset ? $"// Column sums exact in 32 bits: each row sum (at most {255 << plan.X.SumBits}) offset by -2^{plan.Wide.OffsetBits} into a signed 16-bit lane, weighted in pairs; the start adds the offset back."
            : $"// Column sums exact in 32 bits: each row sum (at most {255 << plan.X.SumBits}, a signed 16-bit lane) weighted in pairs.";

        /// <summary>
        /// The rows entering the windows of a pair of vectors (<see cref="FusedSums.BytePairs"/>): names[k] for the even
        /// pixels, names[k + 1] for the odd; nothing more for k + 1, which k computes.
        /// </summary>
        private static IEnumerable<string> PairEntering(KernelPlan plan, string[] names, int k, Func<int, string> columns, int top)
        {
            if (k % 2 == 1)
            {
                yield break;
            }

            string even = names[k], odd = names[k + 1];
            int r = plan.X.Radius;
            if (k == 0)
            {
                yield return $"{Ops}.GeneratedKernels.PrefetchAhead(ref input, below + {columns(names.Length)} + {2 * r}, {names.Length} * TOps.Count); // lines of a step to come";
            }

            int[] weights = plan.X.ReducedWeights;
            int Weight(int tap) => tap >= 0 && tap < weights.Length ? weights[tap] : 0;

            // The load at byte 2q holds taps 2q and 2q + 1 of an even pixel, taps 2q - 1 and 2q of an odd one.
            string[][] terms = new[] { 0, -1 }
                .Select(first => Enumerable.Range(0, r + 1)
                    .Select(q => BytePairTerm($"{even}p{2 * q}", Weight(first + 2 * q), Weight(first + 2 * q + 1)))
                    .Where(term => term.Length > 0)
                    .ToArray())
                .ToArray();
            for (int q = 0; q <= r; q++)
            {
                if (Weight(2 * q - 1) != 0 || Weight(2 * q) != 0 || Weight(2 * q + 1) != 0) // a tap of either pixel
                {
                    yield return $"TVector {even}p{2 * q} = TOps.LoadBytePairs(ref input, below + {columns(k)}{(q == 0 ? string.Empty : $" + {2 * q}")});";
                }
            }

            for (int parity = 0; parity < 2; parity++)
            {
                string sum = (parity == 0 ? even : odd) + top;
                yield return $"TVector {sum} = {terms[parity][0]};";
                foreach (string term in terms[parity].Skip(1))
                {
                    yield return $"{sum} = TOps.Add({sum}, {term});";
                }
            }
        }

        /// <summary>
        /// The low byte of each lane of <paramref name="pairs"/> times <paramref name="low"/> plus the high byte times
        /// <paramref name="high"/>: one pmaddubsw where the weights fit it (<see cref="BytePairWeights.Fit"/>) and it
        /// does more than take a byte alone, else the bytes split and weighted apart; empty where both weights are 0.
        /// </summary>
        private static string BytePairTerm(string pairs, int low, int high)
        {
            if (OneMultiplyAdd(low, high))
            {
                return $"TOps.MultiplyAddBytePairs({pairs}, {BytePairWeightsName(low, high)})";
            }

            string lowTerm = low == 0 ? string.Empty : Scaled($"TOps.And({pairs}, lowBytes)", low);
            string highTerm = high == 0 ? string.Empty : Scaled($"TOps.ShiftRightLogical({pairs}, 8)", high);
            return lowTerm.Length == 0 ? highTerm : highTerm.Length == 0 ? lowTerm : $"TOps.Add({lowTerm}, {highTerm})";
        }

        /// <summary>
        /// Whether a pair of weights takes one pmaddubsw: it fits, and it weights both bytes or one by other than a power of
        /// two (which an and or a shift and a shift left take alone, with no weights to keep in a register; one pmaddubsw
        /// takes the place of an and or a shift and a multiply).
        /// </summary>
        private static bool OneMultiplyAdd(int low, int high) =>
            BytePairWeights.Fit(low, high) && ((low != 0 && high != 0) || (low != 0 && !IsPowerOfTwo(low)) || (high != 0 && !IsPowerOfTwo(high)));

        /// <summary><paramref name="value"/> times an integer weight: as it is, shifted, or multiplied by a broadcast weight (<see cref="BytePairLocals"/>).</summary>
        private static string Scaled(string value, int weight) =>
            weight == 1 ? value : IsPowerOfTwo(weight) ? $"TOps.ShiftLeft({value}, {Log2(weight)})" : $"TOps.Multiply(times{weight}, {value})";

        private static string BytePairWeightsName(int low, int high) => $"bytes{low}and{high}";

        /// <summary>The constants <see cref="PairEntering"/> uses: the low-byte mask, pairs of weights and the weights it multiplies by.</summary>
        private static IEnumerable<string> BytePairLocals(KernelPlan plan)
        {
            yield return "TVector lowBytes = TOps.Broadcast((ushort)0xFF);";
            int[] weights = plan.X.ReducedWeights;
            var pairs = new List<(int Low, int High)>();
            for (int tap = -1; tap < weights.Length; tap++)
            {
                int low = tap >= 0 ? weights[tap] : 0, high = tap + 1 < weights.Length ? weights[tap + 1] : 0;
                if (!pairs.Contains((low, high)))
                {
                    pairs.Add((low, high));
                }
            }

            var multiplied = new List<int>();
            foreach ((int low, int high) in pairs)
            {
                if (OneMultiplyAdd(low, high))
                {
                    yield return $"TVector {BytePairWeightsName(low, high)} = TOps.Broadcast((ushort){Literals.Int(BytePairWeights.Lane(low, high))}); // weights {low} (low byte) and {high} (high byte)";
                    continue;
                }

                foreach (int weight in new[] { low, high }.Where(NeedsMultiply).Where(weight => !multiplied.Contains(weight)))
                {
                    multiplied.Add(weight);
                    yield return $"TVector times{weight} = TOps.Broadcast((ushort){Literals.Int(weight)});";
                }
            }
        }
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Specialized.Filters.Convolution;
using Xunit;

namespace Specialized.Filters.Tests;

/// <summary>
/// The pool of working buffers. Each test rents arrays of an element type of its own, so that no other test (the
/// filters use the pool for their own element types) puts arrays in its way.
/// </summary>
public class ScratchPoolTests
{
    [Fact]
    public void A_thread_gets_back_the_array_it_returned()
    {
        Own[] array = ScratchPool<Own>.Rent(100);
        Assert.True(array.Length >= 100, $"{array.Length} elements");
        ScratchPool<Own>.Return(array);
        Assert.Same(array, ScratchPool<Own>.Rent(100));
    }

    [Fact]
    public void The_smallest_array_that_fits_is_handed_out()
    {
        Own2[][] arrays = [ScratchPool<Own2>.Rent(16), ScratchPool<Own2>.Rent(64), ScratchPool<Own2>.Rent(256)];
        foreach (Own2[] array in arrays)
        {
            ScratchPool<Own2>.Return(array);
        }

        Assert.Same(arrays[1], ScratchPool<Own2>.Rent(50));
        Assert.Same(arrays[2], ScratchPool<Own2>.Rent(65));
        Assert.Same(arrays[0], ScratchPool<Own2>.Rent(1));
    }

    [Fact]
    public void A_thread_takes_an_idle_array_of_another_thread_before_it_allocates_one()
    {
        Own3[] returned = ScratchPool<Own3>.Rent(1000);
        ScratchPool<Own3>.Return(returned);
        Own3[]? rentedElsewhere = null;
        var thread = new Thread(() => rentedElsewhere = ScratchPool<Own3>.Rent(1000));
        thread.Start();
        thread.Join();
        Assert.Same(returned, rentedElsewhere);
    }

    [Fact]
    public void A_thread_gets_back_more_arrays_than_its_shelf_holds()
    {
        // A call of many bands rents all their arrays on the calling thread and returns them there.
        int count = ScratchPool<Own4>.SlotsPerShelf + 4;
        Own4[][] arrays = Enumerable.Range(0, count).Select(_ => ScratchPool<Own4>.Rent(100)).ToArray();
        foreach (Own4[] array in arrays)
        {
            ScratchPool<Own4>.Return(array);
        }

        var handedOut = Enumerable.Range(0, count).Select(_ => ScratchPool<Own4>.Rent(100)).ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.True(handedOut.SetEquals(arrays), "some arrays were dropped");
    }

    [Fact]
    public void Arrays_beyond_every_shelf_go_to_the_shared_array_pool()
    {
        int capacity = ScratchPool<Own5>.Shelves * ScratchPool<Own5>.SlotsPerShelf;
        Own5[] extra = ScratchPool<Own5>.Rent(32);
        Own5[][] arrays = Enumerable.Range(0, capacity).Select(_ => ScratchPool<Own5>.Rent(32)).ToArray();
        foreach (Own5[] array in arrays)
        {
            ScratchPool<Own5>.Return(array);
        }

        ScratchPool<Own5>.Return(extra); // every slot is taken

        var fromShelves = Enumerable.Range(0, capacity).Select(_ => ScratchPool<Own5>.Rent(32)).ToHashSet(ReferenceEqualityComparer.Instance);
        Assert.True(fromShelves.SetEquals(arrays), "some arrays were dropped");
        Assert.Same(extra, ScratchPool<Own5>.Rent(32)); // from ArrayPool.Shared
    }

    [Fact]
    public void Arrays_no_call_took_for_the_idle_time_are_let_go()
    {
        // Trims at times far ahead of the clock, a whole idle time apart: the collections' own trims, at the clock's
        // time, then find the current period too young to end and change nothing.
        long idle = ScratchPool<Own6>.IdleMilliseconds, now = Environment.TickCount64;
        Own6[] array = ScratchPool<Own6>.Rent(100);
        ScratchPool<Own6>.Return(array);
        for (int period = 1; period <= 3; period++)
        {
            ScratchPool<Own6>.Trim(now + 10 * period * idle);
            Assert.Same(array, ScratchPool<Own6>.Rent(100)); // in use in every period
            ScratchPool<Own6>.Return(array);
        }

        ScratchPool<Own6>.Trim(now + 40 * idle); // returned in the period before: kept
        ScratchPool<Own6>.Trim(now + 40 * idle + idle / 2); // too soon for a new period: kept
        Assert.Same(array, ScratchPool<Own6>.Rent(100));
        ScratchPool<Own6>.Return(array);

        ScratchPool<Own6>.Trim(now + 50 * idle);
        ScratchPool<Own6>.Trim(now + 60 * idle); // a whole period unused
        Assert.NotSame(array, ScratchPool<Own6>.Rent(100));
    }

    [Fact]
    public void A_garbage_collection_trims_the_pool()
    {
        int before = ScratchPool<Own7>.Trims;
        GC.Collect();
        GC.WaitForPendingFinalizers();
        Assert.True(ScratchPool<Own7>.Trims > before, "no trim after a full collection");
    }

    [Fact]
    public void A_reference_type_array_comes_back_cleared()
    {
        string[] array = ScratchPool<string>.Rent(20);
        array.AsSpan().Fill("kept alive by the pool");
        ScratchPool<string>.Return(array);
        Assert.All(ScratchPool<string>.Rent(20), element => Assert.Null(element));
    }

    [Fact]
    public void No_array_is_handed_to_two_renters_at_once()
    {
        // Each renter marks its whole array, waits a little and checks that the marks are still its own; an array handed
        // to two threads at once would show the other's marks. More threads than cores, so that they also interleave by
        // preemption, and sizes that make them take arrays from each other's shelves.
        const int Threads = 6;
        var failures = new List<string>();
        var threads = Enumerable.Range(1, Threads).Select(owner => new Thread(() =>
        {
            var random = new Random(owner);
            for (int i = 0; i < 20_000; i++)
            {
                Marked[] array = ScratchPool<Marked>.Rent(random.Next(1, 600));
                array.AsSpan().Fill(new Marked(owner));
                Thread.SpinWait(random.Next(20));
                if (array.Any(element => element.Owner != owner))
                {
                    lock (failures)
                    {
                        failures.Add($"thread {owner}, rental {i}: an array of {array.Length} also held by another thread");
                    }

                    return;
                }

                ScratchPool<Marked>.Return(array);
            }
        })).ToArray();
        foreach (Thread thread in threads)
        {
            thread.Start();
        }

        foreach (Thread thread in threads)
        {
            thread.Join();
        }

        Assert.Empty(failures);
    }

    private struct Own;

    private struct Own2;

    private struct Own3;

    private struct Own4;

    private struct Own5;

    private struct Own6;

    private struct Own7;

    private readonly record struct Marked(int Owner);
}

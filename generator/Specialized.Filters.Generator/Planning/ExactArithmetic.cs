using System;
using System.Numerics;

namespace Specialized.Filters;

/// <summary>
/// A correctly rounded fused multiply-add for netstandard2.0, which lacks <c>Math.FusedMultiplyAdd</c>. OpenCV's
/// default sigma is <c>fma(n, 0.15, 0.35)</c> with a single rounding; the generator must bake in the same weights the
/// runtime computes, so it evaluates the product and sum exactly with big integers and rounds once, half to even.
/// Finite, normal results only (the only ones kernel math produces).
/// </summary>
internal static class ExactArithmetic
{
    public static double FusedMultiplyAdd(double a, double b, double c)
    {
        if (double.IsNaN(a) || double.IsNaN(b) || double.IsNaN(c) || double.IsInfinity(a) || double.IsInfinity(b) || double.IsInfinity(c))
        {
            return (a * b) + c;
        }

        (BigInteger ma, int ea) = Decompose(a);
        (BigInteger mb, int eb) = Decompose(b);
        (BigInteger mc, int ec) = Decompose(c);
        BigInteger product = ma * mb;
        int ep = ea + eb;
        int e = Math.Min(ep, ec);
        BigInteger sum = (product << (ep - e)) + (mc << (ec - e));
        return Round(sum, e);
    }

    /// <summary>value = mantissa * 2^exponent exactly.</summary>
    private static (BigInteger Mantissa, int Exponent) Decompose(double value)
    {
        long bits = BitConverter.DoubleToInt64Bits(value);
        bool negative = bits < 0;
        int exponentField = (int)((bits >> 52) & 0x7FF);
        long fraction = bits & 0xFFFFFFFFFFFFFL;
        long mantissa = exponentField == 0 ? fraction : fraction | (1L << 52);
        int exponent = exponentField == 0 ? -1074 : exponentField - 1075;
        return (negative ? -mantissa : mantissa, exponent);
    }

    /// <summary>The double nearest to sum * 2^exponent, ties to even.</summary>
    private static double Round(BigInteger sum, int exponent)
    {
        if (sum.IsZero)
        {
            return 0.0;
        }

        int sign = sum.Sign;
        BigInteger magnitude = BigInteger.Abs(sum);
        int bitLength = BitLength(magnitude);
        int shift = bitLength - 53;
        if (shift > 0)
        {
            BigInteger quotient = magnitude >> shift;
            BigInteger remainder = magnitude - (quotient << shift);
            BigInteger half = BigInteger.One << (shift - 1);
            if (remainder > half || (remainder == half && !quotient.IsEven))
            {
                quotient += 1;
            }

            magnitude = quotient;
            exponent += shift;
        }

        // magnitude now has at most 54 bits (53, or 2^53 after rounding up) and converts to double exactly.
        double result = (double)(long)magnitude * PowerOfTwo(exponent);
        return sign < 0 ? -result : result;
    }

    private static double PowerOfTwo(int exponent)
    {
        if (exponent < -1022 || exponent > 1023)
        {
            throw new ArgumentOutOfRangeException(nameof(exponent), "Only normal results are supported.");
        }

        return BitConverter.Int64BitsToDouble((long)(exponent + 1023) << 52);
    }

    private static int BitLength(BigInteger value)
    {
        int length = 0;
        while (value > long.MaxValue)
        {
            value >>= 62;
            length += 62;
        }

        long v = (long)value;
        while (v != 0)
        {
            v >>= 1;
            length++;
        }

        return length;
    }
}

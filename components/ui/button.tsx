import Link from "next/link";
import { cn } from "./cn";

type Variant = "primary" | "secondary" | "danger" | "ghost";
type Size = "sm" | "md";

const VARIANTS: Record<Variant, string> = {
  primary: "bg-accent-600 text-white hover:bg-accent-hover shadow-sm",
  secondary: "bg-surface text-fg ring-1 ring-inset ring-line-strong hover:bg-subtle shadow-sm",
  danger: "bg-danger text-white hover:bg-danger-hover shadow-sm",
  ghost: "text-zinc-700 hover:bg-subtle hover:text-fg",
};

/** The one control height: buttons, inputs and selects of a size line up in a row. */
export const CONTROL_HEIGHT: Record<Size, string> = { sm: "h-8", md: "h-9" };

export function buttonClasses(variant: Variant = "primary", size: Size = "md"): string {
  return cn(
    "inline-flex shrink-0 items-center justify-center gap-1.5 whitespace-nowrap rounded-md font-medium transition-colors focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-accent-600 disabled:cursor-not-allowed disabled:opacity-60",
    CONTROL_HEIGHT[size],
    size === "sm" ? "px-2.5 text-xs" : "px-3.5 text-sm",
    VARIANTS[variant],
  );
}

type ButtonProps = React.ComponentProps<"button"> & { variant?: Variant; size?: Size };

export function Button({ variant = "primary", size = "md", className, type = "button", ...rest }: ButtonProps) {
  return <button type={type} className={cn(buttonClasses(variant, size), className)} {...rest} />;
}

type LinkButtonProps = React.ComponentProps<typeof Link> & { variant?: Variant; size?: Size };

export function LinkButton({ variant = "primary", size = "md", className, ...rest }: LinkButtonProps) {
  return <Link className={cn(buttonClasses(variant, size), className)} {...rest} />;
}

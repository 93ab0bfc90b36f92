#!/usr/bin/env bash
# build-image.sh --deb DEB --sha256 SUM [--url URL] [--out FILE] [--grow SIZE]
# Makes the SD card image of a Dialtone box: Raspberry Pi OS Lite (arm64, trixie-based: it has
# openjdk-21) with the dialtone-agent package installed and its units enabled, and a provisioning
# bundle template on the boot partition. Needs root, Internet, and on an amd64 host
# qemu-user-static with binfmt (README.md lists the packages). Every mount and loop device it makes
# is undone on exit, also on failure.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)

url=https://downloads.raspberrypi.com/raspios_lite_arm64_latest
sha256=
deb=
out=dialtone-box-arm64.img.xz
grow=1G
while [[ $# -gt 0 ]]; do
  case $1 in
    --deb) deb=$2; shift 2 ;;
    --sha256) sha256=$2; shift 2 ;;
    --url) url=$2; shift 2 ;;
    --out) out=$2; shift 2 ;;
    --grow) grow=$2; shift 2 ;;
    *) echo "build-image.sh: unknown option $1 (see image-build/README.md)" >&2; exit 2 ;;
  esac
done
fail() {
  echo "build-image.sh: $*" >&2
  exit 2
}
[[ -f $deb ]] || fail "--deb: no package at '$deb' (mvn package builds image-build/target/dialtone-agent_*_all.deb)"
[[ $sha256 =~ ^[0-9a-f]{64}$ ]] || fail "--sha256: the image's SHA-256 from the Raspberry Pi download page"
[[ $(id -u) -eq 0 ]] || fail "needs root (loop devices, mounts, chroot)"
for tool in curl sha256sum xz losetup parted e2fsck resize2fs; do
  command -v "$tool" >/dev/null || fail "$tool is missing (README.md lists the packages)"
done
if [[ $(uname -m) != aarch64 && ! -e /proc/sys/fs/binfmt_misc/qemu-aarch64 ]]; then
  fail "this host cannot run arm64 programs: install qemu-user-static and binfmt-support"
fi

work=$(mktemp -d "${TMPDIR:-/var/tmp}/dialtone-image.XXXXXX")
mnt=$work/root
loop=
cleanup() {
  if mountpoint -q "$mnt" 2>/dev/null; then umount -R "$mnt"; fi
  if [[ -n $loop ]]; then losetup -d "$loop"; fi
  # Never through a mount point: when something is still mounted the work dir stays.
  if ! grep -q " $work/" /proc/self/mountinfo; then rm -rf "$work"; fi
}
# e2fsck -p exits 1 when it corrected something, which is fine.
check_fs() {
  e2fsck -f -p "$1" || [[ $? -le 1 ]]
}
trap cleanup EXIT

echo "Downloading $url"
curl -fL --retry 3 -o "$work/os.img.xz" "$url"
echo "$sha256  $work/os.img.xz" | sha256sum -c --quiet || fail "the download does not match --sha256"
xz -dc "$work/os.img.xz" > "$work/os.img"
rm "$work/os.img.xz"

# Room for the JRE: the image's root partition (the second, the last) grows by --grow.
truncate -s "+$grow" "$work/os.img"
parted -s "$work/os.img" resizepart 2 100%
loop=$(losetup --find --show --partscan "$work/os.img")
check_fs "${loop}p2"
resize2fs "${loop}p2"

mkdir -p "$mnt"
mount "${loop}p2" "$mnt"
mount "${loop}p1" "$mnt/boot/firmware"
mount -t proc proc "$mnt/proc"
mount --bind /dev "$mnt/dev"
mount --bind /dev/pts "$mnt/dev/pts"
# The image's resolv.conf points into /run, which is empty here: the host's, for the install.
resolv=$mnt/etc/resolv.conf
image_resolv=$work/resolv.conf.image
if [[ -e $resolv || -L $resolv ]]; then mv "$resolv" "$image_resolv"; fi
cp /etc/resolv.conf "$resolv"

"$here/customise-root" "$mnt" "$deb"

rm "$resolv"
if [[ -e $image_resolv || -L $image_resolv ]]; then mv "$image_resolv" "$resolv"; fi
# The template an installer or the factory fills and renames to "dialtone" (first-boot's bundle).
template=$mnt/boot/firmware/dialtone-template
mkdir -p "$template"
cp "$mnt/usr/share/doc/dialtone-agent/provisioning-bundle.txt" "$template/README.txt"

umount -R "$mnt"
check_fs "${loop}p2"
losetup -d "$loop"
loop=

echo "Compressing $out"
xz -T0 -c "$work/os.img" > "$out"
echo "$out: $(sha256sum "$out" | cut -d' ' -f1)"
